package org.forewarn.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderHistoryTest {

	@TempDir
	Path folder;

	@Test
	void readsEachOrdersLastPromiseLastDeliveryAndComplaintsAsTheScorerDoes() throws IOException {
		Path events = write(
				line("order.placed", "2018-01-01T10:00:00Z", "c1", "o1", "{\"promisedBy\":\"2018-01-10T00:00:00Z\"}"),
				// placed again: its last promise counts, whatever the offset it is written in
				line("order.placed", "2018-01-02T10:00:00Z", "c1", "o1",
						"{\"promisedBy\":\"2018-01-12T09:30:00.250-03:00\"}"),
				line("order.delivered", "2018-01-11T08:00:00Z", "c1", "o1", "{}"),
				line("order.delivered", "2018-01-12T08:00:00+01:00", "c1", "o1", "{}"),
				line("account.feedback", "2018-01-13T10:00:00Z", "c1", "o1", "{\"score\":2}"),
				line("account.feedback", "2018-01-14T10:00:00Z", "c1", "o1", "{\"score\":3}"),
				line("order.placed", "2018-01-03T10:00:00Z", "c2", "o2", "{\"promisedBy\":\"not a time\"}"),
				"{not json",
				line("order.placed", "2018-02-30T10:00:00Z", "c3", "o3", "{}"), // no such day: left out
				"",
				line("account.activity", "2018-01-20T10:00:00.5Z", "c4", null, "{}"));

		OrderHistory history = OrderHistory.read(events);

		assertThat(history.orders()).containsOnlyKeys("o1", "o2");
		assertThat(history.orders().get("o1")).isEqualTo(new OrderHistory.Order(
				Instant.parse("2018-01-12T12:30:00.250Z"), Instant.parse("2018-01-12T07:00:00Z"),
				List.of(Instant.parse("2018-01-13T10:00:00Z"))));
		assertThat(history.orders().get("o2")).isEqualTo(new OrderHistory.Order(null, null, List.of()));
		assertThat(history.last()).isEqualTo(Instant.parse("2018-01-20T10:00:00.5Z"));
		assertThat(history.placed()).isEqualTo(2);
		assertThat(history.customers()).isEqualTo(3);
	}

	@Test
	void readAsideGivesWhatReadingAtOnceGives() throws IOException {
		Path events = write(
				line("order.placed", "2018-01-01T10:00:00Z", "c1", "o1", "{\"promisedBy\":\"2018-01-10T00:00:00Z\"}"),
				line("order.delivered", "2018-01-11T08:00:00Z", "c1", "o1", "{}"));

		assertThat(OrderHistory.readAside(events).get()).isEqualTo(OrderHistory.read(events));
	}

	@Test
	void readAsideReportsAFileItCannotReadWhenAsked() {
		OrderHistory.Reading reading = OrderHistory.readAside(folder.resolve("missing.jsonl"));

		assertThatThrownBy(reading::get).isInstanceOf(NoSuchFileException.class).hasMessageContaining("missing.jsonl");
	}

	@Test
	void aCancelledReadingGivesNoHistory() throws IOException {
		String[] lines = new String[20_000];
		for (int i = 0; i < lines.length; i++) {
			lines[i] = line("order.placed", "2018-01-01T10:00:00Z", "c" + i, "o" + i, "{}");
		}
		OrderHistory.Reading reading = OrderHistory.readAside(write(lines));

		reading.cancel();

		assertThatThrownBy(reading::get).isInstanceOf(CancellationException.class);
	}

	private Path write(String... lines) throws IOException {
		Path file = folder.resolve("events.jsonl");
		Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		return file;
	}

	private static String line(String type, String time, String customer, String order, String data) {
		return "{\"id\":\"" + type + time + "\",\"type\":\"" + type + "\",\"time\":\"" + time + "\",\"customerId\":\""
				+ customer + "\"" + (order == null ? "" : ",\"orderId\":\"" + order + "\"") + ",\"data\":" + data + "}";
	}
}
