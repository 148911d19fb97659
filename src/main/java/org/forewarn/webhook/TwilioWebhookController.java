package org.forewarn.webhook;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.forewarn.bounce.CarrierCodes;
import org.forewarn.channel.TwilioSignature;
import org.forewarn.customer.CustomerStateStore;
import org.forewarn.engine.WakeupScheduler;
import org.forewarn.outreach.DeliveryReports;
import org.forewarn.outreach.LinkSettings;
import org.forewarn.shared.StableId;
import org.forewarn.suppression.SuppressionList;
import org.forewarn.suppression.SuppressionSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Twilio webhooks. Every request must carry a valid {@code X-Twilio-Signature} for the public URL it was sent to
 * ({@code forewarn.links.public-url} + path): otherwise 403 and nothing changes.
 * <ul>
 * <li>{@code /webhooks/twilio/inbound}: an SMS from a customer; STOP and the other opt-out words turn SMS consent
 * off, START/YES/UNSTOP turn it on again (and lift the number's carrier opt-out suppression).</li>
 * <li>{@code /webhooks/twilio/status}: Twilio's delivery report for a message Forewarn sent (by MessageSid); its
 * ErrorCode may turn consent off or suppress the number ({@link CarrierCodes}), when the report is the message's
 * outcome (it ended the record FAILED).</li>
 * </ul>
 */
@RestController
@Tag(name = "Public")
class TwilioWebhookController {

	private static final Logger log = LoggerFactory.getLogger(TwilioWebhookController.class);
	private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

	private final TwilioSignature signature;
	private final LinkSettings links;
	private final CustomerStateStore customers;
	private final ConsentEvents consent;
	private final DeliveryReports reports;
	private final WakeupScheduler scheduler;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final CarrierCodes carrierCodes;
	private final SuppressionList suppressions;

	TwilioWebhookController(TwilioSignature signature, LinkSettings links, CustomerStateStore customers,
			ConsentEvents consent, DeliveryReports reports, WakeupScheduler scheduler, TransactionTemplate transaction,
			Clock clock, CarrierCodes carrierCodes, SuppressionList suppressions) {
		this.carrierCodes = carrierCodes;
		this.suppressions = suppressions;
		this.signature = signature;
		this.links = links;
		this.customers = customers;
		this.consent = consent;
		this.reports = reports;
		this.scheduler = scheduler;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Operation(summary = "Twilio: an SMS from a customer (STOP, START ...); signed with X-Twilio-Signature")
	@ApiResponse(responseCode = "403", description = "The Twilio signature is not valid")
	@PostMapping(path = "/webhooks/twilio/inbound", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> inbound(HttpServletRequest request) {
		Map<String, String> form = form(request);
		if (!signed(request, form)) {
			return forbidden();
		}
		SmsKeywords.Meaning meaning = SmsKeywords.of(form.get("Body"));
		if (meaning != null) {
			String messageSid = form.getOrDefault("MessageSid", StableId.of(form.toString()));
			List<String> ids = customers.customerIdsByPhone(form.get("From"));
			if (ids.isEmpty()) {
				log.info("SMS {} from a number no customer has (ending {})", meaning, tail(form.get("From")));
			}
			for (String customerId : ids) {
				boolean allowed = meaning == SmsKeywords.Meaning.OPT_IN;
				if (allowed) {
					// Twilio delivers to the number again after START: so does Forewarn
					suppressions.remove("sms", form.get("From"), SuppressionSource.CARRIER_OPT_OUT);
				}
				consent.change("sms-" + messageSid + "-" + customerId, customerId, "sms", allowed,
						"inbound SMS " + form.get("Body").strip());
			}
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
	}

	@Operation(summary = "Twilio: the delivery report of an SMS; signed with X-Twilio-Signature")
	@ApiResponse(responseCode = "403", description = "The Twilio signature is not valid")
	@PostMapping(path = "/webhooks/twilio/status", produces = MediaType.APPLICATION_XML_VALUE)
	ResponseEntity<String> status(HttpServletRequest request) {
		Map<String, String> form = form(request);
		if (!signed(request, form)) {
			return forbidden();
		}
		String sid = form.get("MessageSid");
		if (sid != null) {
			DeliveryReports.Applied report = transaction.execute(tx -> {
				DeliveryReports.Applied applied = reports.report(sid, form.get("MessageStatus"), form.get("ErrorCode"),
						clock.instant());
				if (applied.fallbackWakeup() != null) {
					scheduler.schedule(applied.fallbackWakeup());
				}
				return applied;
			});
			String errorCode = form.get("ErrorCode");
			// only a report that is the message's outcome: a failure reported after it was delivered (or a repeat)
			// says nothing about the number now
			if (report != null && report.changed() && report.outreach().isPresent() && errorCode != null
					&& !errorCode.isBlank()) {
				carrierCodes.reported(report.outreach().get().id(), form.get("To"), errorCode);
			}
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
	}

	/** Twilio signs the URL it called (with its query, if any) and the POST parameters. */
	private boolean signed(HttpServletRequest request, Map<String, String> form) {
		String url = links.url(request.getRequestURI())
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		boolean valid = signature.valid(url, form, request.getHeader("X-Twilio-Signature"));
		if (!valid) {
			log.warn("Rejected a request to {} without a valid Twilio signature{}", request.getRequestURI(),
					signature.configured() ? "" : " (no Twilio auth token is configured)");
		}
		return valid;
	}

	/** The POST parameters alone: parameters that came in the query string are part of the signed URL instead. */
	private static Map<String, String> form(HttpServletRequest request) {
		Set<String> inQuery = request.getQueryString() == null ? Set.of()
				: UriComponentsBuilder.fromUriString("?" + request.getQueryString()).build().getQueryParams().keySet();
		Map<String, String> form = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!inQuery.contains(name) && values.length > 0) {
				form.put(name, values[0]);
			}
		});
		return form;
	}

	private static ResponseEntity<String> forbidden() {
		return ResponseEntity.status(403).contentType(MediaType.TEXT_PLAIN).body("invalid Twilio signature");
	}

	private static String tail(String phone) {
		return phone == null || phone.length() < 4 ? "?" : phone.substring(phone.length() - 4);
	}
}
