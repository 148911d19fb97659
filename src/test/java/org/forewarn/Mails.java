package org.forewarn;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The decoded parts of a received email. */
public final class Mails {

	private Mails() {
	}

	/** The decoded text/plain part (or the html part with {@code mimeType} "text/html"), null when absent. */
	public static String part(Part message, String mimeType) throws Exception {
		if (message.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) message.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		return message.isMimeType(mimeType) ? ((String) message.getContent()).replace("\r\n", "\n") : null;
	}

	public static String text(Part message) throws Exception {
		return part(message, "text/plain");
	}
}
