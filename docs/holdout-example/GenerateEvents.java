import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a made-up event stream (JSON Lines, in time order) in which outreach changes what customers do afterwards
 * for one rule and not for another, to replay with a holdout group. Needs only a JDK:
 *
 * <pre>
 * java docs/holdout-example/GenerateEvents.java --customers 20000 --seed 7 &gt; events.jsonl
 * </pre>
 *
 * Each customer places one order, and it goes one of these ways:
 * <ul>
 * <li><b>stuck in the warehouse</b>: not handed to the carrier a day after {@code shipBy}, so the rule
 * "order.not_shipped: not handed to the carrier a day after shipBy" emails them. Customers who got that email cancel
 * the order less often (18 %, {@code --cancel-contacted}) than those held out of it (30 %,
 * {@code --cancel-held-out});</li>
 * <li><b>late parcel</b>: shipped on time, still not delivered a day and a half before the promised date, so the
 * rule "shipment.late: not delivered a day before the promised date" emails them. The parcel arrives late all the
 * same, and customers rate it just as badly ({@link #COMPLAINT_LATE}) whether they were warned or not;</li>
 * <li><b>payment failed</b>: a soft decline still unpaid a day later; that outreach is never held out;</li>
 * <li><b>on time</b>: nothing to say ({@code --on-time}, 65 % of customers by default).</li>
 * </ul>
 * A replay sends nothing, so the effect is simulated here: the generator places every customer in the holdout group
 * exactly as Forewarn does (HMAC-SHA256 of salt and customer id keyed with {@code forewarn.holdout.key}, read as a
 * number from 0 to 100) and lets the treated group behave better. Use the same {@code --key}, {@code --salt} and
 * {@code --percent} as the replay's settings (the defaults are those of holdout-example.yml). The same seed gives the
 * same file.
 */
public class GenerateEvents {

	/** Share of customers cancelling an order stuck in the warehouse, without and with the email (the defaults). */
	static final double CANCEL_HELD_OUT = 0.30;
	static final double CANCEL_CONTACTED = 0.18;
	/** Share of customers rating a late parcel 1 or 2 of 5, warned or not. */
	static final double COMPLAINT_LATE = 0.22;
	/** Share of customers opening a support ticket after either problem, contacted or not. */
	static final double TICKET = 0.10;

	static final Instant DEFAULT_START = Instant.parse("2026-03-02T00:00:00Z");
	static final String[] ZONES = { "America/Sao_Paulo", "America/Recife", "America/Manaus", "Europe/Lisbon" };
	static final String[] NAMES = { "Ana", "Bruno", "Carla", "Diego", "Elisa", "Fabio", "Gabriela", "Hugo", "Iris",
			"Joao", "Karina", "Lucas", "Marta", "Nuno", "Olivia", "Paulo", "Rita", "Sergio", "Tania", "Vitor" };

	record Line(Instant time, long seq, String json) {
	}

	private final List<Line> lines = new ArrayList<>();
	private final Random random;
	private final String key;
	private final String salt;
	private final double percent;
	private final double cancelHeldOut;
	private final double cancelContacted;
	private final double onTime;
	private long seq;
	private final int[] customers = new int[4];
	private final int[] heldOut = new int[4];

	GenerateEvents(long seed, String key, String salt, double percent, double cancelHeldOut, double cancelContacted,
			double onTime) {
		this.random = new Random(seed);
		this.key = key;
		this.salt = salt;
		this.percent = percent;
		this.cancelHeldOut = cancelHeldOut;
		this.cancelContacted = cancelContacted;
		this.onTime = onTime;
	}

	public static void main(String[] args) {
		int count = 20_000;
		long seed = 7;
		int days = 90;
		Instant start = DEFAULT_START;
		String key = "holdout-example-key-not-for-production";
		String salt = "holdout-example";
		double percent = 20;
		double cancelHeldOut = CANCEL_HELD_OUT;
		double cancelContacted = CANCEL_CONTACTED;
		double onTime = 0.65;
		for (int i = 0; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : null;
			switch (args[i]) {
				case "--customers" -> count = Integer.parseInt(require(args[i], value));
				case "--seed" -> seed = Long.parseLong(require(args[i], value));
				case "--days" -> days = Integer.parseInt(require(args[i], value));
				case "--start" -> start = Instant.parse(require(args[i], value));
				case "--key" -> key = require(args[i], value);
				case "--salt" -> salt = require(args[i], value);
				case "--percent" -> percent = Double.parseDouble(require(args[i], value));
				case "--cancel-held-out" -> cancelHeldOut = Double.parseDouble(require(args[i], value));
				case "--cancel-contacted" -> cancelContacted = Double.parseDouble(require(args[i], value));
				case "--on-time" -> onTime = Double.parseDouble(require(args[i], value));
				default -> {
					System.err.println("usage: java GenerateEvents.java [--customers 20000] [--seed 7] [--days 90] "
							+ "[--start 2026-03-02T00:00:00Z] [--key K] [--salt S] [--percent 20] [--cancel-held-out 0.30] "
							+ "[--cancel-contacted 0.18] [--on-time 0.65] > events.jsonl");
					System.exit(2);
				}
			}
			i++;
		}
		if (count < 1 || days < 1 || percent < 0 || percent > 100 || !share(cancelHeldOut) || !share(cancelContacted)
				|| !share(onTime)) {
			System.err.println("--customers and --days must be at least 1, --percent between 0 and 100, "
					+ "--cancel-held-out, --cancel-contacted and --on-time between 0 and 1");
			System.exit(2);
		}
		GenerateEvents generator = new GenerateEvents(seed, key, salt, percent, cancelHeldOut, cancelContacted,
				onTime);
		for (int i = 1; i <= count; i++) {
			generator.customer(String.format(Locale.ROOT, "c%06d", i), start, days);
		}
		generator.write();
	}

	private static boolean share(double value) {
		return value >= 0 && value <= 1;
	}

	private static String require(String option, String value) {
		if (value == null) {
			System.err.println(option + " needs a value");
			System.exit(2);
		}
		return value;
	}

	void customer(String c, Instant start, int days) {
		Instant joined = start.plus(Duration.ofMinutes(random.nextInt(days * 24 * 60)));
		// of the customers with a problem, 3 in 7 are stuck, 3 in 7 late, 1 in 7 fail to pay
		double path = random.nextDouble() * 0.35 / (1 - onTime);
		int kind = path < 0.15 ? 1 : path < 0.30 ? 2 : path < 0.35 ? 3 : 0;
		// some on-time customers never agreed to email: their (rare) outreach would go to a person instead
		boolean emailConsent = kind != 0 || random.nextDouble() < 0.95;
		boolean held = place(key, salt, c) < percent;
		customers[kind]++;
		heldOut[kind] += held && kind != 3 ? 1 : 0;
		String name = NAMES[random.nextInt(NAMES.length)];
		add(joined, c + "-profile", "customer.updated", c, null, "{\"email\":\"" + c + "@customers.example\","
				+ "\"name\":\"" + name + "\",\"locale\":\"pt-BR\",\"timeZone\":\"" + ZONES[random.nextInt(ZONES.length)]
				+ "\",\"consent\":{\"email\":" + emailConsent + ",\"sms\":false}}");
		String o = c + "-o1";
		Instant placed = joined.plus(Duration.ofMinutes(5 + random.nextInt(120)));
		Instant shipBy = placed.plus(Duration.ofDays(2));
		Instant promisedBy = placed.plus(Duration.ofDays(kind == 2 ? 6 : 10));
		add(placed, o + "-placed", "order.placed", c, o, "{\"total\":" + (40 + random.nextInt(400)) + ".90,"
				+ "\"currency\":\"BRL\",\"shipBy\":\"" + shipBy + "\",\"promisedBy\":\"" + promisedBy + "\"}");
		switch (kind) {
			case 1 -> stuckInTheWarehouse(c, o, placed, shipBy, held);
			case 2 -> lateParcel(c, o, placed, promisedBy);
			case 3 -> paymentFailed(c, o, placed);
			default -> onTime(c, o, placed);
		}
	}

	/** Not handed over a day after shipBy: Forewarn decides its email then. Contacted customers cancel less. */
	private void stuckInTheWarehouse(String c, String o, Instant placed, Instant shipBy, boolean held) {
		add(placed.plus(minutes(1, 10)), o + "-paid", "order.paid", c, o, "{}");
		Instant decided = shipBy.plus(Duration.ofHours(24));
		if (random.nextDouble() < (held ? cancelHeldOut : cancelContacted)) {
			add(decided.plus(minutes(120, 72 * 60)), o + "-cancelled", "order.cancelled", c, o,
					"{\"reason\":\"customer gave up waiting\"}");
		}
		else {
			Instant shipped = decided.plus(minutes(6 * 60, 48 * 60));
			Instant delivered = shipped.plus(minutes(24 * 60, 60 * 60));
			add(shipped, o + "-shipped", "order.shipped", c, o, "{\"carrier\":\"Correios\",\"trackingNumber\":\"BR"
					+ c.substring(1) + "\",\"estimatedDelivery\":\"" + shipped.plus(Duration.ofDays(3)) + "\"}");
			add(delivered, o + "-delivered", "order.delivered", c, o, "{}");
			feedback(c, o, delivered, 0.06);
		}
		ticket(c, decided);
	}

	/** Still on its way a day and a half before the promise: the warning is decided then, due a day before. */
	private void lateParcel(String c, String o, Instant placed, Instant promisedBy) {
		add(placed.plus(minutes(1, 10)), o + "-paid", "order.paid", c, o, "{}");
		Instant shipped = placed.plus(minutes(12 * 60, 30 * 60));
		// the carrier's estimate still keeps the promise, so only the promised-date check sees it coming
		add(shipped, o + "-shipped", "order.shipped", c, o, "{\"carrier\":\"Correios\",\"trackingNumber\":\"BR"
				+ c.substring(1) + "\",\"estimatedDelivery\":\"" + promisedBy.minus(Duration.ofDays(1)) + "\"}");
		// arrives after the warning was due (a day before the promise), up to three days late
		Instant delivered = promisedBy.plus(minutes(-12 * 60, 72 * 60));
		add(delivered, o + "-delivered", "order.delivered", c, o, "{}");
		feedback(c, o, delivered, COMPLAINT_LATE);
		// after the warning was due: an open ticket at that moment would have held the warning back
		ticket(c, promisedBy.minus(Duration.ofHours(24)));
	}

	/** A soft decline, unpaid after the retry window: emailed, never held out (payment.failed: 0). */
	private void paymentFailed(String c, String o, Instant placed) {
		add(placed.plus(minutes(1, 10)), o + "-declined", "order.payment_failed", c, o,
				"{\"reason\":\"insufficient funds\",\"hard\":false}");
		Instant decided = placed.plus(Duration.ofHours(25));
		if (random.nextDouble() < 0.25) {
			// before the warehouse deadline, so only the payment rule speaks to them
			add(decided.plus(minutes(600, 40 * 60)), o + "-cancelled", "order.cancelled", c, o,
					"{\"reason\":\"payment not completed\"}");
			return;
		}
		Instant paid = decided.plus(minutes(30, 12 * 60));
		add(paid, o + "-paid", "order.paid", c, o, "{}");
		Instant shipped = paid.plus(minutes(60, 20 * 60));
		add(shipped, o + "-shipped", "order.shipped", c, o, "{\"carrier\":\"Correios\",\"trackingNumber\":\"BR"
				+ c.substring(1) + "\",\"estimatedDelivery\":\"" + shipped.plus(Duration.ofDays(3)) + "\"}");
		Instant delivered = shipped.plus(minutes(24 * 60, 72 * 60));
		add(delivered, o + "-delivered", "order.delivered", c, o, "{}");
		feedback(c, o, delivered, 0.05);
	}

	private void onTime(String c, String o, Instant placed) {
		add(placed.plus(minutes(1, 10)), o + "-paid", "order.paid", c, o, "{}");
		Instant shipped = placed.plus(minutes(6 * 60, 40 * 60));
		add(shipped, o + "-shipped", "order.shipped", c, o, "{\"carrier\":\"Correios\",\"trackingNumber\":\"BR"
				+ c.substring(1) + "\",\"estimatedDelivery\":\"" + shipped.plus(Duration.ofDays(4)) + "\"}");
		Instant delivered = shipped.plus(minutes(24 * 60, 96 * 60));
		add(delivered, o + "-delivered", "order.delivered", c, o, "{}");
		feedback(c, o, delivered, 0.03);
	}

	/** Some customers rate the order: a complaint (1-2 of 5) with the given chance among those who do. */
	private void feedback(String c, String o, Instant delivered, double complaint) {
		if (random.nextDouble() < complaint) {
			add(delivered.plus(minutes(60, 72 * 60)), o + "-rated", "account.feedback", c, null,
					"{\"scale\":\"csat5\",\"score\":" + (1 + random.nextInt(2)) + ",\"orderId\":\"" + o + "\"}");
		}
		else if (random.nextDouble() < 0.35) {
			add(delivered.plus(minutes(60, 72 * 60)), o + "-rated", "account.feedback", c, null,
					"{\"scale\":\"csat5\",\"score\":" + (3 + random.nextInt(3)) + ",\"orderId\":\"" + o + "\"}");
		}
	}

	/** A support ticket after the problem was seen, at the same rate whatever Forewarn did; closed a day later. */
	private void ticket(String c, Instant after) {
		if (random.nextDouble() < TICKET) {
			Instant opened = after.plus(minutes(60, 96 * 60));
			String t = c + "-t1";
			add(opened, t + "-opened", "account.ticket_opened", c, null,
					"{\"ticketId\":\"" + t + "\",\"subject\":\"Where is my order?\"}");
			add(opened.plus(minutes(60, 24 * 60)), t + "-closed", "account.ticket_closed", c, null,
					"{\"ticketId\":\"" + t + "\"}");
		}
	}

	private Duration minutes(int from, int to) {
		return Duration.ofMinutes(from + random.nextInt(to - from));
	}

	private void add(Instant time, String id, String type, String customer, String order, String data) {
		lines.add(new Line(time, seq++, "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"time\":\"" + time
				+ "\",\"customerId\":\"" + customer + "\"" + (order == null ? "" : ",\"orderId\":\"" + order + "\"")
				+ ",\"data\":" + data + "}"));
	}

	void write() {
		lines.sort(Comparator.comparing(Line::time).thenComparingLong(Line::seq));
		StringBuilder out = new StringBuilder();
		for (Line line : lines) {
			out.append(line.json()).append('\n');
			if (out.length() > 1 << 16) {
				System.out.print(out);
				out.setLength(0);
			}
		}
		System.out.print(out);
		System.out.flush();
		System.err.printf(Locale.ROOT, "%,d events of %,d customers (holdout %s%% of experiment '%s'):%n"
				+ "  stuck in the warehouse %,d (held out %,d): cancel %.0f%% when held out, %.0f%% when emailed%n"
				+ "  late parcel            %,d (held out %,d): complain %.0f%% either way%n"
				+ "  payment failed         %,d (never held out)%n  on time                %,d%n", lines.size(),
				customers[0] + customers[1] + customers[2] + customers[3], percent, salt, customers[1], heldOut[1],
				100 * cancelHeldOut, 100 * cancelContacted, customers[2], heldOut[2], 100 * COMPLAINT_LATE,
				customers[3], customers[0]);
	}

	/** A customer's place in the experiment, 0 to 100: the same computation as Forewarn's HoldoutGroups.place. */
	static double place(String key, String salt, String customerId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] hash = mac.doFinal((salt + '\n' + customerId).getBytes(StandardCharsets.UTF_8));
			long bits = ByteBuffer.wrap(hash).getLong();
			double unsigned = bits >= 0 ? bits : bits + 18446744073709551616.0;
			return Math.min(100 * unsigned / 18446744073709551616.0, Math.nextDown(100.0));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
		}
	}
}
