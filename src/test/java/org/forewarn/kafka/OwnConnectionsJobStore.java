package org.forewarn.kafka;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.quartz.SchedulerConfigException;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Spring's job store for tests that run several clustered instances in one JVM. Quartz keeps connection providers
 * JVM-wide under the scheduler name, which cluster members share, so the second instance would take over the
 * first one's database connections. Each instance here registers its own, under its instance id.
 */
public class OwnConnectionsJobStore extends LocalDataSourceJobStore {

	@Override
	public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
		DataSource dataSource = SchedulerFactoryBean.getConfigTimeDataSource();
		super.initialize(loadHelper, signaler);
		String transactional = "tx." + getInstanceName() + "." + getInstanceId();
		String plain = "nontx." + getInstanceName() + "." + getInstanceId();
		DBConnectionManager.getInstance().addConnectionProvider(transactional,
				provider(() -> DataSourceUtils.doGetConnection(dataSource)));
		DBConnectionManager.getInstance().addConnectionProvider(plain, provider(dataSource::getConnection));
		setDataSource(transactional);
		setNonManagedTXDataSource(plain);
	}

	private interface Source {
		Connection get() throws SQLException;
	}

	private static ConnectionProvider provider(Source source) {
		return new ConnectionProvider() {
			@Override
			public Connection getConnection() throws SQLException {
				return source.get();
			}

			@Override
			public void shutdown() {
				// the Spring-managed DataSource has its own lifecycle
			}

			@Override
			public void initialize() {
			}
		};
	}
}
