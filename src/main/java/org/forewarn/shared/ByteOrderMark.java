package org.forewarn.shared;

import java.util.Arrays;

/**
 * The UTF-8 byte order mark some editors put at the start of a file (Notepad, Excel's "CSV UTF-8"): invisible to the
 * person who saved it, so it must not make a rule, threshold, template or line of events unreadable.
 */
public final class ByteOrderMark {

	private static final byte[] UTF_8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
	private static final char DECODED = '\uFEFF';

	private ByteOrderMark() {
	}

	/** The file's content without a byte order mark at its start. */
	public static byte[] strip(byte[] content) {
		return content.length >= UTF_8.length && Arrays.equals(content, 0, UTF_8.length, UTF_8, 0, UTF_8.length)
				? Arrays.copyOfRange(content, UTF_8.length, content.length) : content;
	}

	/** The text without a byte order mark at its start. */
	public static String strip(String text) {
		return !text.isEmpty() && text.charAt(0) == DECODED ? text.substring(1) : text;
	}
}
