package org.forewarn.suppression;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The suppression list's API limits.
 *
 * @param importMaxBytes largest CSV body {@code POST /api/suppressions/import} takes (default 5MB)
 * @param importMaxLines most address lines in one import (default 100000)
 * @param soleWriter whether this process alone writes the suppression table (a replay, whose database is its own):
 * then, while it has put no entry there and the table held none when first asked, a lookup need not ask it
 */
@ConfigurationProperties("forewarn.suppressions")
record SuppressionSettings(@DefaultValue("5MB") DataSize importMaxBytes, @DefaultValue("100000") int importMaxLines,
		@DefaultValue("false") boolean soleWriter) {
}
