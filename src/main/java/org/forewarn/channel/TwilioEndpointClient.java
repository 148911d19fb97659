package org.forewarn.channel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's own HTTP client, aimed at another base URL (a Twilio-compatible gateway, or a local stub in tests):
 * the SDK has no base-URL setting, so each request is copied with its host replaced.
 */
final class TwilioEndpointClient extends SingleAttemptHttpClient {

	private static final Pattern TWILIO_HOST = Pattern.compile("^https://[^/]+");

	private final String baseUrl;

	TwilioEndpointClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
		super(connectTimeout, readTimeout);
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	@Override
	public Response makeRequest(Request request) {
		Request moved = new Request(request.getMethod(), TWILIO_HOST.matcher(request.getUrl()).replaceFirst(baseUrl));
		// the SDK's account SID + auth token arrive as username/password, not as an AuthStrategy: copy whichever is set
		if (request.getUsername() != null && request.getPassword() != null) {
			moved.setAuth(request.getUsername(), request.getPassword());
		}
		else if (request.getAuthStrategy() != null) {
			moved.setAuth(request.getAuthStrategy());
		}
		moved.setContentType(request.getContentType());
		if (request.getBody() != null) {
			moved.setBody(request.getBody());
		}
		copy(request.getPostParams(), moved::addPostParam);
		copy(request.getQueryParams(), moved::addQueryParam);
		copy(request.getHeaderParams(), moved::addHeaderParam);
		return super.makeRequest(moved);
	}

	private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
		params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
	}
}
