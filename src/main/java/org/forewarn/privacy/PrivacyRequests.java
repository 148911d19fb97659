package org.forewarn.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.forewarn.outreach.ErasedCustomers;
import org.springframework.stereotype.Component;

/**
 * A data protection request about one customer, for the API and the console alike: the export (audited with who
 * asked) and the erasure. An id longer than any customer's is refused with an error naming the field.
 */
@Component
public class PrivacyRequests implements ErasedCustomers {

	/** Longer than any customer id intake accepts (128). */
	static final int MAX_ID = 200;

	private final CustomerExport export;
	private final CustomerErasure erasure;
	private final PrivacyLog privacyLog;
	private final Clock clock;

	PrivacyRequests(CustomerExport export, CustomerErasure erasure, PrivacyLog privacyLog, Clock clock) {
		this.export = export;
		this.erasure = erasure;
		this.privacyLog = privacyLog;
		this.clock = clock;
	}

	/** What an erasure removed; see the README's "Data protection". */
	public record Erasure(String customerId, Instant erasedAt, String erasedBy, int events, int outreach,
			int cancelled, int messages, boolean profile) {
	}

	/** Everything held about the customer, as one JSON-ready document; empty when nothing is held. */
	public Optional<Object> export(String customerId, String actor) {
		check(customerId);
		CustomerExport.Document document = export.export(customerId);
		if (document == null) {
			return Optional.empty();
		}
		privacyLog.audit(clock.instant(), actor, "export", customerId, CustomerExport.summary(document));
		return Optional.of(document);
	}

	/** Erases the customer's personal data; empty when nothing was ever held about them. */
	public Optional<Erasure> erase(String customerId, String actor) {
		check(customerId);
		CustomerErasure.Erased e = erasure.erase(customerId, actor);
		return Optional.ofNullable(e).map(x -> new Erasure(x.customerId(), x.erasedAt(), x.erasedBy(), x.events(),
				x.outreach(), x.cancelled(), x.messages(), x.profile()));
	}

	/**
	 * Whether the customer was erased at or after {@code moment}: a late report about a message sent before then is
	 * about contact details that are gone, and may not write them back readable.
	 */
	@Override
	public boolean erasedSince(String customerId, Instant moment) {
		return privacyLog.tombstones(customerId).stream().anyMatch(t -> !t.erasedAt().isBefore(moment));
	}

	private static void check(String customerId) {
		if (customerId == null || customerId.isBlank()) {
			throw new IllegalArgumentException("customerId: required");
		}
		if (customerId.codePointCount(0, customerId.length()) > MAX_ID) { // an emoji is one character, as at intake
			throw new IllegalArgumentException("customerId: longer than " + MAX_ID
					+ " characters; no customer has such an id");
		}
	}
}
