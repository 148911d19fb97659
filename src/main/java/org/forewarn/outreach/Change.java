package org.forewarn.outreach;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a status change sets besides the status, its reason and when it changed, written once for both places records
 * are kept: as the table's {@code set} clauses with their parameters, and as the same change of a record in memory.
 */
record Change(String columns, List<Object> params, UnaryOperator<KeptOutreach> kept) {

	/** Nothing besides the status. */
	static final Change NONE = new Change("sent_at = sent_at", List.of(), UnaryOperator.identity());

	/** {@code params} may hold nulls. */
	static Change of(String columns, UnaryOperator<KeptOutreach> kept, Object... params) {
		return new Change(columns, Arrays.asList(params), kept);
	}
}
