package org.forewarn.brake;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the hourly ceiling's admissions are counted: first sends of a rule let through, each held by its outreach
 * (once, whatever rule name it was taken under). Admissions older than an hour are kept until {@link #PRUNE_AT} of a
 * rule have aged out, then deleted together; one deleted no longer holds its outreach's place.
 */
interface CeilingAdmissions {

	Duration HOUR = Duration.ofHours(1);
	/** Aged-out admissions kept before they are deleted: a count reads them, so not many; a delete per send, too many. */
	int PRUNE_AT = 100;

	/**
	 * Whether the outreach holds a place under the rule's ceiling as of {@code now}: true when it held one already,
	 * else when fewer than {@code ceiling} were taken in the hour before {@code now} (it then takes one).
	 */
	boolean admit(String rule, int ceiling, String outreachId, Instant now);

	/** How many places of the rule were taken after {@code since}. */
	int usedAfter(String rule, Instant since);

	/** How many admissions of the rule are kept, aged-out ones not yet deleted included. */
	int kept(String rule);

	/** Forgets what it knows: for a database emptied under it (a replay starting over). */
	void clear();
}
