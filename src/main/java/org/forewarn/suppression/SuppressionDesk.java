package org.forewarn.suppression;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.forewarn.shared.PageBounds;
import org.springframework.stereotype.Component;

/**
 * The list as people manage it, through the API or the console: one page of entries, add one by hand, lift one,
 * import a CSV file. Errors are IllegalArgumentException naming the field (or the file's line).
 */
@Component
public class SuppressionDesk {

	static final int MAX_SIZE = 1000;
	/** The end of the last year the console's form takes (1900-2199, as for event times). */
	private static final Instant LAST_EXPIRY = Instant.parse("2200-01-01T00:00:00Z");

	private final SuppressionList list;
	private final SuppressionSettings settings;
	private final Clock clock;

	SuppressionDesk(SuppressionList list, SuppressionSettings settings, Clock clock) {
		this.list = list;
		this.settings = settings;
		this.clock = clock;
	}

	/** One line of an import that was not added, and why. */
	public record LineError(int line, String error) {
	}

	public record Imported(int imported, List<LineError> errors) {
	}

	public SuppressionList.Page page(String channel, String source, int page, int size) {
		PageBounds.check(page, size, MAX_SIZE, Integer.MAX_VALUE, null);
		return list.page(channel, source == null || source.isBlank() ? null : SuppressionSource.parse(source), page,
				size);
	}

	/** Adds an entry by hand; {@code expiresAt} (RFC 3339, optional) ends it, without it the entry is for good. */
	public Suppression add(String channel, String address, String reason, String expiresAt, String by) {
		Instant until = null;
		if (expiresAt != null && !expiresAt.isBlank()) {
			try {
				until = OffsetDateTime.parse(expiresAt.strip()).toInstant();
			}
			catch (DateTimeParseException e) {
				throw new IllegalArgumentException(
						"expiresAt: not an RFC 3339 time with offset, e.g. 2027-01-31T00:00:00Z");
			}
			if (!until.isAfter(clock.instant())) {
				throw new IllegalArgumentException("expiresAt: already past");
			}
			// the console's form refuses such a date: a typo, or "for good" meant (leave expiresAt out)
			if (until.isAfter(LAST_EXPIRY)) {
				throw new IllegalArgumentException("expiresAt: '" + expiresAt.strip() + "' is after the year 2199; "
						+ "leave expiresAt out to suppress for good");
			}
		}
		return list.addUntil(channel, address, reason, SuppressionSource.MANUAL, until, by);
	}

	/** False when there was no such entry. */
	public boolean lift(String channel, String address) {
		return list.remove(channel, address);
	}

	/** The largest CSV file {@link #importCsv} takes ({@code forewarn.suppressions.import-max-bytes}). */
	public long importMaxBytes() {
		return settings.importMaxBytes().toBytes();
	}

	/** Every good line is added; a file that cannot be imported at all throws, with nothing added. */
	public Imported importCsv(byte[] csv, String by) {
		if (csv.length > importMaxBytes()) {
			throw new IllegalArgumentException("file: larger than " + importMaxBytes()
					+ " bytes; split the file (forewarn.suppressions.import-max-bytes)");
		}
		BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(csv),
				StandardCharsets.UTF_8));
		try {
			SuppressionImport.Result result = SuppressionImport.run(reader, settings.importMaxLines(), list, by);
			return new Imported(result.imported(),
					result.errors().stream().map(e -> new LineError(e.line(), e.error())).toList());
		}
		catch (SuppressionImport.Refused e) {
			throw new IllegalArgumentException(e.getMessage());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
