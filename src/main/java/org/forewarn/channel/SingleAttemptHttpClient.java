package org.forewarn.channel;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's HTTP client, making exactly one request per send. The SDK would otherwise repeat a request that got a
 * 5xx answer at once, out of sight; Forewarn retries itself, later, with backoff, and counts every attempt.
 */
class SingleAttemptHttpClient extends NetworkHttpClient {

	@Override
	public Response reliableRequest(Request request) {
		return makeRequest(request);
	}

	@Override
	public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
		return makeRequest(request);
	}
}
