package org.forewarn;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A WireMock extension that makes the Twilio stub remember every message POSTed to it, whatever it answered (a
 * timed-out request included), and list them, as Twilio's Messages list does, filtered by the To and From query
 * parameters, newest first, with status "sent". Messages are dated by {@link #dateFrom(Instant)};
 * {@link TwilioStub#lists()} turns the list on.
 */
public final class TwilioMessageList implements ResponseDefinitionTransformerV2 {

	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

	private record Listed(String sid, String to, String from, String body, Instant created) {
	}

	private final List<Listed> messages = new CopyOnWriteArrayList<>();
	private volatile Instant created = Instant.parse("2026-01-01T00:00:00Z");
	private volatile boolean hidden;

	/** Messages POSTed from now on are dated at {@code moment} (the test's clock, not the wall clock). */
	public void dateFrom(Instant moment) {
		this.created = moment;
	}

	/** While hidden, the list shows nothing: as Twilio would for a request that never created a message. */
	public void hide(boolean hide) {
		this.hidden = hide;
	}

	/** The SIDs the list gives the messages sent to {@code to}, oldest first. */
	public List<String> sidsTo(String to) {
		return messages.stream().filter(m -> m.to().equals(to)).map(Listed::sid).toList();
	}

	@Override
	public String getName() {
		return "twilio-message-list";
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		Request request = event.getRequest();
		String path = request.getUrl().replaceAll("\\?.*", "");
		if (!path.equals(TwilioStub.MESSAGES)) {
			return event.getResponseDefinition();
		}
		if (RequestMethod.POST.equals(request.getMethod())) {
			messages.add(new Listed("SM" + String.format("%032d", messages.size() + 1),
					request.formParameter("To").firstValue(), request.formParameter("From").firstValue(),
					request.formParameter("Body").firstValue(), created));
			return event.getResponseDefinition();
		}
		if (!RequestMethod.GET.equals(request.getMethod()) || event.getResponseDefinition().getStatus() != 200) {
			return event.getResponseDefinition();
		}
		String to = value(request.queryParameter("To"));
		String from = value(request.queryParameter("From"));
		List<Listed> newestFirst = new ArrayList<>(hidden ? List.of() : messages);
		Collections.reverse(newestFirst);
		String listed = newestFirst.stream()
			.filter(m -> (to == null || to.equals(m.to())) && (from == null || from.equals(m.from())))
			.map(TwilioMessageList::json)
			.collect(Collectors.joining(","));
		return ResponseDefinitionBuilder.like(event.getResponseDefinition())
			.withHeader("Content-Type", "application/json")
			.withBody("{\"messages\": [" + listed + "], \"uri\": \"" + TwilioStub.MESSAGES + "\", "
					+ "\"first_page_uri\": \"" + TwilioStub.MESSAGES + "\", \"next_page_uri\": null, \"previous_page_uri\": null, \"page\": 0, "
					+ "\"page_size\": 50, \"start\": 0, \"end\": 0}")
			.build();
	}

	private static String value(QueryParameter parameter) {
		return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
	}

	private static String json(Listed m) {
		String date = RFC_2822.format(m.created());
		return """
				{"sid": "%s", "account_sid": "%s", "to": "%s", "from": "%s", "body": %s, "status": "sent",
				 "direction": "outbound-api", "num_segments": "1", "num_media": "0", "price": null, "price_unit": "USD",
				 "api_version": "2010-04-01", "date_created": "%s", "date_updated": "%s", "date_sent": "%s",
				 "error_code": null, "error_message": null, "messaging_service_sid": null,
				 "uri": "/2010-04-01/Accounts/%s/Messages/%s.json", "subresource_uris": {}}"""
			.formatted(m.sid(), TwilioStub.SID, m.to(), m.from(), quoted(m.body()), date, date, date, TwilioStub.SID,
					m.sid());
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}
}
