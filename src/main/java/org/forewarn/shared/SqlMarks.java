package org.forewarn.shared;

import java.util.Collection;
import java.util.Collections;

/** The parameter marks of an SQL {@code in (...)} list. */
public final class SqlMarks {

	private SqlMarks() {
	}

	/** One {@code ?} for each value, comma separated: {@code ?, ?, ?}. */
	public static String of(Collection<?> values) {
		return String.join(", ", Collections.nCopies(values.size(), "?"));
	}
}
