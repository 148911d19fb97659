package org.forewarn.replay;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An events file's lines as they are saved by any tool: LF, CRLF or CR, with a byte order mark or without; a line
 * that is not UTF-8 or is far too long is named as such, and the lines after it are read as usual.
 */
class TextLinesTest {

	@Test
	void linesEndInLfCrlfOrCrAndTheLastNeedsNoEnding(@TempDir Path dir) throws IOException {
		byte[] file = "one\ntwo\r\nthree\rfour\r\n\r\nsix".getBytes(StandardCharsets.UTF_8);

		assertThat(texts(file)).containsExactly("one", "two", "three", "four", "", "six");
		assertThat(TextLines.count(written(dir, file))).isEqualTo(6);
		byte[] ended = "one\r\ntwo\r\n".getBytes(StandardCharsets.UTF_8);
		assertThat(texts(ended)).containsExactly("one", "two");
		assertThat(TextLines.count(written(dir, ended))).isEqualTo(2);
	}

	@Test
	void aByteOrderMarkAtTheStartIsPassedOver() throws IOException {
		byte[] file = bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "{\"id\":1}\n{\"id\":2}");

		assertThat(texts(file)).containsExactly("{\"id\":1}", "{\"id\":2}");
	}

	@Test
	void aLineThatIsNotUtf8IsNamedAndTheNextOnesAreRead() throws IOException {
		byte[] file = bytes("caf\u00e9 \uD83D\uDE00\n".getBytes(StandardCharsets.UTF_8),
				new byte[] {'b', 'a', (byte) 0xC3, 'd', '\n'}, "after".getBytes(StandardCharsets.UTF_8));

		List<TextLines.Line> lines = lines(file);

		assertThat(lines).hasSize(3);
		assertThat(lines.get(0).text()).isEqualTo("caf\u00e9 \uD83D\uDE00");
		assertThat(lines.get(1).text()).isNull();
		assertThat(lines.get(1).unreadable()).isEqualTo("not UTF-8 text");
		assertThat(lines.get(2).text()).isEqualTo("after");
	}

	@Test
	void aLineLongerThanAnyEventIsPassedOverWithItsLength() throws IOException {
		byte[] huge = new byte[TextLines.MAX_LINE_BYTES + 10];
		Arrays.fill(huge, (byte) 'x');
		byte[] file = bytes("before\n".getBytes(StandardCharsets.UTF_8), huge, "\nafter".getBytes(StandardCharsets.UTF_8));

		List<TextLines.Line> lines = lines(file);

		assertThat(lines).extracting(TextLines.Line::text).containsExactly("before", null, "after");
		assertThat(lines.get(1).unreadable()).contains("longer than 1,048,576 bytes (1,048,586)");
	}

	@Test
	void aLineAcrossTheReadBufferComesWhole() throws IOException {
		String longLine = "y".repeat(70_000) + "\u00e9";
		byte[] file = ("short\n" + longLine + "\nlast\n").getBytes(StandardCharsets.UTF_8);

		assertThat(texts(file)).containsExactly("short", longLine, "last");
	}

	@Test
	void aCrlfSplitBetweenTwoReadsEndsOneLine(@TempDir Path dir) throws IOException {
		String first = "z".repeat((1 << 16) - 1); // its CR is the last byte of the first read, the LF the next
		byte[] file = (first + "\r\nsecond\r\n").getBytes(StandardCharsets.UTF_8);

		assertThat(texts(file)).containsExactly(first, "second");
		assertThat(TextLines.count(written(dir, file))).isEqualTo(2);
	}

	private static List<String> texts(byte[] file) throws IOException {
		return lines(file).stream().map(TextLines.Line::text).toList();
	}

	private static List<TextLines.Line> lines(byte[] file) throws IOException {
		TextLines lines = new TextLines(new ByteArrayInputStream(file));
		List<TextLines.Line> read = new ArrayList<>();
		TextLines.Line line;
		while ((line = lines.next()) != null) {
			read.add(line);
		}
		assertThat(lines.next()).as("still the end").isNull();
		return read;
	}

	private static byte[] bytes(byte[] first, String rest) {
		return bytes(first, rest.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] bytes(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Arrays.stream(parts).forEach(out::writeBytes);
		return out.toByteArray();
	}

	private static Path written(Path dir, byte[] file) throws IOException {
		return Files.write(Files.createTempFile(dir, "events", ".jsonl"), file);
	}
}
