package org.forewarn.outreach;

import java.net.URI;
import java.net.URISyntaxException;

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

	public LinkSettings {
		URI uri;
		try {
			uri = new URI(publicUrl.strip());
		}
		catch (URISyntaxException e) {
			throw new IllegalArgumentException("forewarn.links.public-url: '" + publicUrl + "' is not a URL ("
					+ e.getReason() + "); give the address customers reach Forewarn at, e.g. https://forewarn.example.com");
		}
		if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
				|| uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new IllegalArgumentException("forewarn.links.public-url: '" + publicUrl + "' is not an http or https "
					+ "address with a host and without ?query or #fragment; links built on it would not open, e.g. "
					+ "https://forewarn.example.com");
		}
		publicUrl = publicUrl.strip();
	}

	/** The public URL of a path, e.g. {@code /unsubscribe}. */
	public String url(String path) {
		int end = publicUrl.length();
		while (end > 0 && publicUrl.charAt(end - 1) == '/') {
			end--;
		}
		return publicUrl.substring(0, end) + path;
	}
}
