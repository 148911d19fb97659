package org.forewarn.channel;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's HTTP client, making exactly one request per send. Left alone, the SDK repeats a request that got a 5xx
 * answer at once, and the Apache client beneath it repeats one that got 429 or 503, both out of sight. Forewarn
 * retries itself, later, with backoff, and counts every attempt.
 */
class SingleAttemptHttpClient extends NetworkHttpClient {

	SingleAttemptHttpClient() {
		super(builder());
	}

	private static HttpClientBuilder builder() {
		PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
		connections.setDefaultSocketConfig(HttpClient.DEFAULT_SOCKET_CONFIG);
		connections.setDefaultMaxPerRoute(10);
		connections.setMaxTotal(20);
		return HttpClientBuilder.create()
			.useSystemProperties()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(HttpClient.DEFAULT_REQUEST_CONFIG)
			.disableAutomaticRetries();
	}

	@Override
	public Response reliableRequest(Request request) {
		return makeRequest(request);
	}

	@Override
	public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
		return makeRequest(request);
	}
}
