package org.forewarn.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.forewarn.Credentials;
import org.forewarn.ForewarnApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production parts, real and in-process: a Kafka broker (KRaft) and a PostgreSQL server, plus Forewarn started
 * in the production profile against them. Settings go in as command-line arguments, which win over ./config.
 */
final class ProductionStack implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker kafka;
	private final EmbeddedPostgres postgres;
	private final KafkaProducer<String, String> producer;
	private final boolean statementStats;

	private ProductionStack(EmbeddedKafkaKraftBroker kafka, EmbeddedPostgres postgres, boolean statementStats) {
		this.kafka = kafka;
		this.postgres = postgres;
		this.statementStats = statementStats;
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
				ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
	}

	/** A system property: true has PostgreSQL keep the time each statement took (pg_stat_statements). */
	private static final String STATEMENT_STATS = "bench.pg-statements";

	static ProductionStack start() throws IOException {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 4);
		kafka.afterPropertiesSet();
		EmbeddedPostgres.Builder postgres = EmbeddedPostgres.builder();
		boolean statementStats = Boolean.getBoolean(STATEMENT_STATS);
		if (statementStats) {
			postgres.setServerConfig("shared_preload_libraries", "pg_stat_statements");
		}
		return new ProductionStack(kafka, postgres.start(), statementStats);
	}

	String brokers() {
		return kafka.getBrokersAsString();
	}

	/** Creates a topic with settings of its own (e.g. {@code max.message.bytes}) before Forewarn would. */
	void createTopic(String name, int partitions, Map<String, String> config) {
		kafka.addTopics(new NewTopic(name, partitions, (short) 1).configs(config));
	}

	/** Changes one setting of an existing topic, as an operator would with kafka-configs. */
	void setTopicConfig(String topic, String name, String value) {
		kafka.doWithAdmin(admin -> {
			try {
				admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
						List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET))))
					.all().get();
			}
			catch (Exception e) {
				throw new IllegalStateException("cannot set " + name + " of " + topic, e);
			}
		});
	}

	/** A new, empty database on the PostgreSQL server; Forewarn's migrations create its tables. */
	String createDatabase(String name) {
		JdbcClient.create(postgres.getPostgresDatabase()).sql("create database " + name).update();
		if (statementStats) {
			database(name).sql("create extension pg_stat_statements").update();
		}
		return name;
	}

	/** With {@link #STATEMENT_STATS}: the statements the server spent most time on so far, each with its calls. */
	void printSlowestStatements(String database) {
		if (!statementStats) {
			return;
		}
		System.out.println("PostgreSQL's statements by time spent, all runs:");
		database(database).sql("select round(total_exec_time) || ' ms, ' || calls || ' calls, ' "
				+ "|| round((total_exec_time / calls)::numeric, 3) || ' ms each: ' "
				+ "|| left(regexp_replace(query, '\\s+', ' ', 'g'), 160) "
				+ "from pg_stat_statements where calls > 0 order by total_exec_time desc limit 25")
			.query(String.class).list().forEach(line -> System.out.println("  " + line));
	}

	/** The JDBC URL of a database on the PostgreSQL server (user postgres, no password). */
	String jdbcUrl(String database) {
		return postgres.getJdbcUrl("postgres", database);
	}

	JdbcClient database(String name) {
		return JdbcClient.create(dataSource(name));
	}

	DataSource dataSource(String name) {
		return postgres.getDatabase("postgres", name);
	}

	/**
	 * Forewarn in the production profile on the given database, topic and consumer group; {@code settings}
	 * ({@code --key=value}) add to or replace the test defaults.
	 */
	ConfigurableApplicationContext startForewarn(String database, String topic, String group, int smtpPort,
			String... settings) {
		Map<String, String> args = new LinkedHashMap<>();
		for (String arg : List.of("--spring.profiles.active=production", "--server.port=0",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
				"--spring.datasource.username=postgres", "--spring.datasource.password=",
				"--spring.kafka.bootstrap-servers=" + brokers(), "--spring.kafka.consumer.group-id=" + group,
				"--spring.kafka.listener.concurrency=2", "--forewarn.kafka.topics=" + topic,
				"--forewarn.kafka.dead-letter-topic=" + topic + ".DLT", "--forewarn.kafka.partitions=4",
				"--forewarn.kafka.retry.initial-interval=200ms", "--forewarn.kafka.retry.max-interval=1s",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
				"--forewarn.channels.sms.account-sid=", "--forewarn.rules=rules",
				"--forewarn.channels.templates=config/templates",
				"--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000",
				"--spring.quartz.properties.org.quartz.jobStore.class=" + OwnConnectionsJobStore.class.getName(),
				Credentials.adminPasswordSetting())) {
			put(args, arg);
		}
		for (String arg : settings) {
			put(args, arg);
		}
		return SpringApplication.run(ForewarnApplication.class,
				args.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	/** The partitions the instance's event listener holds now. */
	static List<TopicPartition> assigned(ConfigurableApplicationContext forewarn) {
		Collection<TopicPartition> partitions = forewarn.getBean(KafkaListenerEndpointRegistry.class)
			.getListenerContainer("forewarn-events").getAssignedPartitions();
		return partitions == null ? List.of() : List.copyOf(partitions);
	}

	/** Waits until the instances together hold all partitions, each some: the topic is ready and split. */
	static void awaitAssigned(List<ConfigurableApplicationContext> instances, int partitions)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!(instances.stream().allMatch(i -> !assigned(i).isEmpty())
				&& instances.stream().mapToInt(i -> assigned(i).size()).sum() == partitions)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("partitions not assigned within 60 s");
			}
			Thread.sleep(100);
		}
	}

	private static void put(Map<String, String> args, String arg) {
		int equals = arg.indexOf('=');
		args.put(arg.substring(0, equals), arg.substring(equals + 1));
	}

	void send(String topic, String key, String value) {
		send(new ProducerRecord<>(topic, key, value));
	}

	void send(ProducerRecord<String, String> record) {
		try {
			producer.send(record).get();
		}
		catch (Exception e) {
			throw new IllegalStateException("cannot produce to " + record.topic(), e);
		}
	}

	/** Every record on the topic so far. */
	List<ConsumerRecord<String, String>> readAll(String topic) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
				.map(p -> new TopicPartition(topic, p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		return records;
	}

	/** Records on the topic the group has not committed yet. */
	long lag(String topic, String group) {
		return kafka.doWithAdminFunction(admin -> {
			try {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata().get();
				Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get()
					.get(topic).partitions().stream()
					.collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
				return admin.listOffsets(latest).all().get().entrySet().stream()
					.mapToLong(end -> end.getValue().offset() - (committed.get(end.getKey()) == null ? 0
							: committed.get(end.getKey()).offset()))
					.sum();
			}
			catch (Exception e) {
				throw new IllegalStateException("cannot read the lag of " + group, e);
			}
		});
	}

	@Override
	public void close() throws IOException {
		producer.close();
		kafka.destroy();
		postgres.close();
	}
}
