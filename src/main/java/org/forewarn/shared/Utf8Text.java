package org.forewarn.shared;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Whether a file a person edits (a rule, the thresholds) is UTF-8 as it must be. Read as UTF-8, a file saved in
 * another encoding (Latin-1, Windows-1252) would have its accented letters quietly replaced; instead its first line
 * that is not UTF-8 is named.
 */
public final class Utf8Text {

	/** What to tell the person who saved such a file. */
	public static final String NOT_UTF_8 = "not UTF-8 text (saved in another encoding, such as Latin-1?); "
			+ "save the file as UTF-8";

	private Utf8Text() {
	}

	/**
	 * The number (from 1) of the first line that is not UTF-8, lines ending in LF, CR or CRLF; 0 when the whole
	 * content is.
	 */
	public static int firstLineNotUtf8(byte[] content) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(Math.max(16, content.length));
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (!result.isError()) {
			return 0;
		}
		int line = 1;
		for (int i = 0; i < in.position(); i++) {
			boolean crlf = content[i] == '\r' && i + 1 < content.length && content[i + 1] == '\n';
			if (content[i] == '\n' || content[i] == '\r' && !crlf) {
				line++;
			}
		}
		return line;
	}
}
