package org.forewarn.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.forewarn.rules.Decided;
import org.forewarn.shared.ColumnText;
import org.forewarn.shared.StoredTime;
import org.forewarn.shared.TransactionalMap;

/**
 * The detections of a process that alone writes them to a database it throws away at its end (a replay), kept in its
 * memory rather than in the table: each customer's as one list, replaced whole on every change, so a transaction's
 * changes apply when it commits and are dropped when it rolls back ({@link TransactionalMap}).
 */
final class MemoryDetectionRows implements DetectionRows {

	private static final Comparator<Detection> BY_TIME_THEN_KEY = Comparator.comparing(Detection::detectedAt)
		.thenComparing(Detection::problem).thenComparing(Detection::subject).thenComparing(Detection::rule);

	private final TransactionalMap<String, List<Detection>> byCustomer = new TransactionalMap<>();

	@Override
	public void open(String customerId, Decided d, String ruleVersion, Instant at) {
		// what the table's columns refuse is refused here too, so the event fails in a replay as it would live
		ColumnText.refuseMissingOrLonger("detection.customer_id", customerId, 200);
		ColumnText.refuseMissingOrLonger("detection.problem", d.problem(), 100);
		ColumnText.refuseMissingOrLonger("detection.subject", d.subject(), 200);
		ColumnText.refuseMissingOrLonger("detection.rule_name", d.rule(), 300);
		ColumnText.refuseMissingOrLonger("detection.rule_version", ruleVersion, 64);
		List<Detection> detections = new ArrayList<>(of(customerId));
		int known = indexOf(detections, d.problem(), d.subject(), d.rule());
		if (known < 0) {
			detections.add(new Detection(customerId, d.problem(), d.subject(), d.rule(), ruleVersion,
					StoredTime.asStored(at), null, null, ColumnText.fit(d.explanation(), DetectionStore.EXPLANATION_SIZE)));
		}
		else if (detections.get(known).resolvedAt() != null) {
			detections.set(known, resolved(detections.get(known), null, null));
		}
		else {
			return;
		}
		byCustomer.put(customerId, List.copyOf(detections));
	}

	@Override
	public List<Detection> find(String customerId, boolean openOnly) {
		return of(customerId).stream().filter(d -> !openOnly || d.resolvedAt() == null).sorted(BY_TIME_THEN_KEY)
			.toList();
	}

	@Override
	public List<DetectionCount> countByRule() {
		Map<List<String>, Long> counts = new TreeMap<>(Comparator.<List<String>, String>comparing(key -> key.get(0))
			.thenComparing(key -> key.get(1)));
		byCustomer.visible().values().forEach(detections -> detections
			.forEach(d -> counts.merge(List.of(d.problem(), d.rule()), 1L, Long::sum)));
		return counts.entrySet().stream()
			.map(e -> new DetectionCount(e.getKey().get(0), e.getKey().get(1), e.getValue())).toList();
	}

	@Override
	public void resolve(Detection d, Instant at, String reason) {
		List<Detection> detections = new ArrayList<>(of(d.customerId()));
		int known = indexOf(detections, d.problem(), d.subject(), d.rule());
		if (known >= 0 && detections.get(known).resolvedAt() == null) {
			detections.set(known, resolved(detections.get(known), StoredTime.asStored(at),
					ColumnText.fit(reason, DetectionStore.REASON_SIZE)));
			byCustomer.put(d.customerId(), List.copyOf(detections));
		}
	}

	@Override
	public void clear() {
		byCustomer.clear();
	}

	private List<Detection> of(String customerId) {
		List<Detection> detections = byCustomer.get(customerId);
		return detections == null ? List.of() : detections;
	}

	/** Where the customer's detection of this problem, subject and rule is (one at most); -1 when none is. */
	private static int indexOf(List<Detection> detections, String problem, String subject, String rule) {
		for (int i = 0; i < detections.size(); i++) {
			Detection known = detections.get(i);
			if (known.problem().equals(problem) && known.subject().equals(subject) && known.rule().equals(rule)) {
				return i;
			}
		}
		return -1;
	}

	/** The detection resolved at {@code at} for {@code reason}; both null: open again, as first detected. */
	private static Detection resolved(Detection known, Instant at, String reason) {
		return new Detection(known.customerId(), known.problem(), known.subject(), known.rule(), known.ruleVersion(),
				known.detectedAt(), at, reason, known.explanation());
	}
}
