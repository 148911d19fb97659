package org.forewarn.channel;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * The SDK's HTTP client, making exactly one request per send, with Forewarn's timeouts. Left alone, the SDK repeats a
 * request that got a 5xx answer at once, and the Apache client beneath it repeats one that got 429 or 503, both out
 * of sight; Forewarn retries itself, later, with backoff, and counts every attempt. The SDK also puts fixed timeouts
 * on every request (30.5 s to connect, 30 s per read); the configured ones replace them.
 */
class SingleAttemptHttpClient extends NetworkHttpClient {

	SingleAttemptHttpClient(Duration connectTimeout, Duration readTimeout) {
		super(builder(timeout("forewarn.channels.sms.connect-timeout", connectTimeout),
				timeout("forewarn.channels.sms.read-timeout", readTimeout)));
	}

	private static HttpClientBuilder builder(Timeout connect, Timeout read) {
		PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager();
		connections.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).setSoKeepAlive(true).build());
		connections.setDefaultConnectionConfig(
				ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build());
		connections.setDefaultMaxPerRoute(10);
		connections.setMaxTotal(20);
		// no connect timeout here: the connection config's applies; waiting for a pooled connection is bounded too
		RequestConfig timeouts = RequestConfig.custom().setConnectionRequestTimeout(connect).setResponseTimeout(read)
			.build();
		return HttpClientBuilder.create()
			.useSystemProperties()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(timeouts)
			// runs after the SDK's per-request config was put in the context, and replaces it
			.addExecInterceptorFirst("forewarn-timeouts", (request, scope, chain) -> {
				scope.clientContext.setRequestConfig(timeouts);
				return chain.proceed(request, scope);
			})
			.disableAutomaticRetries();
	}

	private static Timeout timeout(String setting, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(setting + ": '" + value + "' is not a timeout; give a positive "
					+ "duration such as 15s");
		}
		return Timeout.ofMilliseconds(value.toMillis());
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
