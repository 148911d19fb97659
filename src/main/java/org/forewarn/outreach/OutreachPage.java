package org.forewarn.outreach;

import java.util.List;

/** One page of records, newest or most urgent first; {@code more} when a next page has records. */
public record OutreachPage(List<Outreach> records, int page, int size, boolean more) {

	/** Reads one row beyond the page to know whether another follows, without counting every match. */
	static OutreachPage of(List<Outreach> rows, int page, int size) {
		return new OutreachPage(rows.size() > size ? rows.subList(0, size) : rows, page, size, rows.size() > size);
	}
}
