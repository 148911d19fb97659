package org.forewarn.replay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.forewarn.shared.ByteOrderMark;

/**
 * The lines of a file of events as text: UTF-8, a byte order mark at its start passed over, each ended by LF, CR or
 * CRLF (as {@link java.io.BufferedReader} counts them). A line that is not UTF-8, or longer than any event can be,
 * comes without its text and with the reason, so that it is reported by its number and the lines after it are read.
 */
final class TextLines {

	/** Far above any event's length (its data holds at most 16 KB); the rest of a longer line is passed over. */
	static final int MAX_LINE_BYTES = 1 << 20;

	/** A line's text; or null text and why it cannot be read. */
	record Line(String text, String unreadable) {
	}

	private final InputStream in;
	private final byte[] buffer = new byte[1 << 16];
	private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);
	private byte[] line = new byte[1024];
	private int length;
	private int position;
	private int filled;
	private boolean afterCarriageReturn;
	private boolean first = true;

	TextLines(InputStream in) {
		this.in = in;
	}

	/** The next line, or null after the last. */
	Line next() throws IOException {
		long lineBytes = scan(true);
		return lineBytes < 0 ? null : line(lineBytes);
	}

	/**
	 * Reads past the end of the next line, keeping its bytes (up to the limit) when asked; answers its length in
	 * bytes, or -1 after the last line.
	 */
	private long scan(boolean keep) throws IOException {
		length = 0;
		long lineBytes = 0;
		while (true) {
			if (position == filled) {
				filled = in.read(buffer);
				position = 0;
				if (filled <= 0) {
					filled = 0;
					return lineBytes > 0 ? lineBytes : -1;
				}
			}
			byte b = buffer[position++];
			if (afterCarriageReturn) {
				afterCarriageReturn = false;
				if (b == '\n') {
					continue; // the LF of a CRLF
				}
			}
			if (b == '\n' || b == '\r') {
				afterCarriageReturn = b == '\r';
				return lineBytes;
			}
			if (++lineBytes <= MAX_LINE_BYTES && keep) {
				if (length == line.length) {
					line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
				}
				line[length++] = b;
			}
		}
	}

	private Line line(long lineBytes) {
		boolean atStart = first;
		first = false;
		if (lineBytes > MAX_LINE_BYTES) {
			return new Line(null, String.format(Locale.ROOT, "longer than %,d bytes (%,d), more than any event can be",
					MAX_LINE_BYTES, lineBytes));
		}
		String text;
		if (ascii()) {
			text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
		}
		else {
			try {
				text = utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
			}
			catch (CharacterCodingException e) {
				return new Line(null, "not UTF-8 text");
			}
		}
		return new Line(atStart ? ByteOrderMark.strip(text) : text, null);
	}

	private boolean ascii() {
		for (int i = 0; i < length; i++) {
			if (line[i] < 0) {
				return false;
			}
		}
		return true;
	}

	/** How many lines {@link #next} gives for the file, blank ones included, without keeping or decoding them. */
	static long count(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			TextLines lines = new TextLines(in);
			long count = 0;
			while (lines.scan(false) >= 0) {
				count++;
			}
			return count;
		}
	}
}
