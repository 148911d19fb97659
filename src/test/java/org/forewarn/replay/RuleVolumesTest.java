package org.forewarn.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The volume warnings per rule, and messages per customer beside the scorer's figures. */
class RuleVolumesTest {

	private static final Instant PROMISED = Instant.parse("2026-03-08T12:00:00Z");

	@Test
	void theOnTimeWarningLooksOnlyAtDeliveryTimingProblemsAndTheVolumeWarningAtEveryRule() {
		OrderHistory history = onTimeOrders(12);
		List<Outreach> records = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			records.add(record("c" + i, "o" + i, "churn-low-rating", "churn.risk", "task", OutreachStatus.OPEN));
			records.add(record("c" + i, "o" + i, "shipment-late-notice", "shipment.late", "email",
					OutreachStatus.SENT));
		}

		RuleVolumes volumes = RuleVolumes.of(records, history,
				new VolumeWarnings(10, VolumeWarnings.DEFAULT_ON_TIME_PROBLEMS));

		assertThat(volumes.row("churn-low-rating").warning())
			.isEqualTo("messages 100.0 % of all orders (warning above 10 %)");
		assertThat(volumes.row("churn-low-rating").scored()).isZero();
		assertThat(volumes.row("shipment-late-notice").warning()).isEqualTo(
				"messages 100.0 % of all orders (warning above 10 %); 12 of the 12 orders it messaged arrived on time");

		// per problem: naming churn.risk alone moves the on-time check to it
		RuleVolumes churnOnly = RuleVolumes.of(records, history, new VolumeWarnings(100, Set.of("churn.risk")));
		assertThat(churnOnly.row("churn-low-rating").warning())
			.isEqualTo("12 of the 12 orders it messaged arrived on time");
		assertThat(churnOnly.row("shipment-late-notice").warning()).isNull();
	}

	@Test
	void messagesPerCustomerCountsTheScorersMessagesOncePerCustomerTheyWentTo() {
		OrderHistory history = onTimeOrders(4);
		List<Outreach> records = List.of(
				record("c1", "o0", "shipment-late-notice", "shipment.late", "email", OutreachStatus.SENT),
				record("c1", "o0", "shipment-stalled-notice", "shipment.stalled", "sms", OutreachStatus.DELIVERED),
				record("c1", "o1", "shipment-late-notice", "shipment.late", "email", OutreachStatus.SENT),
				record("c2", "o2", "shipment-late-notice", "shipment.late", "email", OutreachStatus.SENT),
				// not delay outreach, or did not go out: counted by neither figure
				record("c3", "o3", "churn-low-rating", "churn.risk", "email", OutreachStatus.SENT),
				record("c3", "o3", "shipment-late-notice", "shipment.late", "email", OutreachStatus.CANCELLED));

		DelayScore score = DelayScore.of(records, history);

		assertThat(score.touched()).isEqualTo(3);
		assertThat(score.messagesPerTouchedOrder()).isCloseTo(4 / 3.0, within(1e-9));
		assertThat(score.messagesPerCustomer()).isEqualTo(2.0);
		assertThat(DelayScore.of(List.of(), history).messagesPerCustomer()).isZero();
	}

	/** Orders o0.. placed by c0.., each delivered a day before its promise. */
	private static OrderHistory onTimeOrders(int count) {
		Map<String, OrderHistory.Order> orders = new HashMap<>();
		for (int i = 0; i < count; i++) {
			orders.put("o" + i, new OrderHistory.Order(PROMISED, PROMISED.minusSeconds(86_400), List.of()));
		}
		return new OrderHistory(orders, PROMISED.plusSeconds(86_400), count, count);
	}

	private static Outreach record(String customer, String order, String rule, String problem, String channel,
			OutreachStatus status) {
		Instant at = PROMISED.minusSeconds(2 * 86_400);
		return new Outreach(customer + order + rule + status, customer, order, rule, "v1", problem, channel, "t", at,
				at, status, null, status == OutreachStatus.SENT || status == OutreachStatus.DELIVERED ? at : null, null,
				null, null, null, null);
	}
}
