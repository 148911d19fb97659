package org.forewarn.shared;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids are the SHA-256's first 12 bytes, the same on every call and every thread, whatever was hashed before. */
class StableIdTest {

	@Test
	void anIdIsTheStartOfTheTextsSha256() {
		// SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
		assertThat(StableId.of("abc")).isEqualTo("ba7816bf8f01cfea414140de");
		assertThat(StableId.of("abc")).isEqualTo("ba7816bf8f01cfea414140de");
		assertThat(StableId.of("")).isEqualTo("e3b0c44298fc1c149afbf4c8");
	}

	@Test
	void threadsHashingAtOnceGetTheIdsOneThreadGets() throws Exception {
		List<String> texts = IntStream.range(0, 2_000).mapToObj(i -> "customer-" + i + "|wakeup").toList();
		List<String> alone = texts.stream().map(StableId::of).toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<String>>> together = IntStream.range(0, 4)
				.mapToObj(t -> pool.submit(() -> texts.stream().map(StableId::of).toList()))
				.toList();
			for (Future<List<String>> ids : together) {
				assertThat(ids.get()).isEqualTo(alone);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}
}
