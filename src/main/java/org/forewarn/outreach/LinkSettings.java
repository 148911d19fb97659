package org.forewarn.outreach;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Forewarn is reached from outside ({@code forewarn.links.*}).
 *
 * @param publicUrl the address customers and Twilio reach Forewarn at; unsubscribe links and Twilio's webhook
 *     signatures are built on it
 * @param secret key for signing unsubscribe links; empty: one is generated once and kept in the database
 */
@ConfigurationProperties("forewarn.links")
public record LinkSettings(@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("") String secret) {

	/** The public URL of a path, e.g. {@code /unsubscribe}. */
	public String url(String path) {
		return publicUrl.replaceAll("/+$", "") + path;
	}
}
