package org.forewarn.replay;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.forewarn.event.InvalidEventException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The replay's lines, parsed ahead on a thread of their own, come in the file's order with their line numbers; a line
 * that is not an event says why; a failure to read comes after the lines read before it.
 */
class ParsedLinesTest {

	@Test
	void linesComeInOrderWithTheirNumbersBlankOnesCountedButPassedOver() throws IOException {
		List<String> file = new ArrayList<>();
		IntStream.range(0, 1000).forEach(i -> file.add(event("e" + i)));
		file.add(3, "");
		file.add(500, "   ");
		file.add("not json");

		List<ParsedLines.Line> read = new ArrayList<>();
		long lines;
		try (ParsedLines parsed = new ParsedLines(utf8(String.join("\n", file)))) {
			ParsedLines.Line line;
			while ((line = parsed.next()) != null) {
				read.add(line);
			}
			assertThat(parsed.next()).as("still the end").isNull();
			lines = parsed.linesRead();
		}

		assertThat(lines).isEqualTo(1003);
		assertThat(read).hasSize(1001);
		assertThat(read.subList(0, 1000)).extracting(line -> line.event().id())
			.containsExactlyElementsOf(IntStream.range(0, 1000).mapToObj(i -> "e" + i).toList());
		assertThat(read.get(3).number()).as("after the blank line 4").isEqualTo(5);
		assertThat(read.get(999).number()).isEqualTo(1002);
		ParsedLines.Line bad = read.get(1000);
		assertThat(bad.number()).isEqualTo(1003);
		assertThat(bad.event()).isNull();
		assertThat(bad.invalid()).isInstanceOf(InvalidEventException.class).hasMessageContaining("not valid JSON");
	}

	@Test
	void aFailureToReadComesAfterTheLinesReadBeforeIt() throws IOException {
		InputStream diskGone = new InputStream() {
			@Override
			public int read() throws IOException {
				throw new IOException("disk gone");
			}
		};
		InputStream failing = new SequenceInputStream(utf8(event("first") + "\n" + event("second") + "\n"), diskGone);
		try (ParsedLines parsed = new ParsedLines(failing)) {
			assertThat(parsed.next().event().id()).isEqualTo("first");
			assertThat(parsed.next().event().id()).isEqualTo("second");
			assertThatThrownBy(parsed::next).isInstanceOf(IOException.class).hasMessage("disk gone");
		}
	}

	/** More lines than fit in the queue, so the reader waits for room when it is closed. */
	private static final String MANY = String.join("\n",
			IntStream.range(0, 20_000).mapToObj(i -> event("e" + i)).toList());

	@Test
	void closingBeforeTheEndStopsTheReaderWaitingForRoom() {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			startedOn(MANY).close(); // returns once the reader, blocked on a full queue, has stopped
		});
	}

	@Test
	void closingFromAnInterruptedThreadStillStopsTheReaderAndKeepsTheInterrupt() {
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			ParsedLines parsed = startedOn(MANY);
			Thread.currentThread().interrupt();
			parsed.close();
			assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
			assertThat(Thread.getAllStackTraces().keySet()).as("the reader has stopped")
				.noneMatch(thread -> thread.getName().equals("replay-reader") && thread.isAlive());
		});
	}

	private static ParsedLines startedOn(String lines) throws IOException {
		ParsedLines parsed = new ParsedLines(utf8(lines));
		assertThat(parsed.next().event().id()).isEqualTo("e0");
		return parsed;
	}

	private static InputStream utf8(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String event(String id) {
		return "{\"id\":\"" + id + "\",\"type\":\"order.placed\",\"time\":\"2017-10-02T10:56:33Z\","
				+ "\"customerId\":\"c1\",\"orderId\":\"o-" + id + "\"}";
	}
}
