package org.forewarn.channel;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.twilio.security.RequestValidator;

/**
 * Checks that a webhook request really comes from Twilio: its {@code X-Twilio-Signature} must match the public URL
 * Twilio called and the form parameters, signed with the account's auth token (the SDK's {@link RequestValidator}).
 * Without an auth token nothing is valid.
 */
@Component
public class TwilioSignature {

	private final RequestValidator validator;

	TwilioSignature(ChannelSettings settings) {
		String token = settings.sms().authToken();
		this.validator = token == null || token.isBlank() ? null : new RequestValidator(token);
	}

	public boolean configured() {
		return validator != null;
	}

	public boolean valid(String url, Map<String, String> params, String signature) {
		return validator != null && signature != null && !signature.isBlank()
				&& validator.validate(url, params, signature);
	}
}
