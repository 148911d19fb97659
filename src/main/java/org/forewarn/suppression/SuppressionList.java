package org.forewarn.suppression;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The do-not-contact list: who may not be reached on a channel, and why. Outreach asks {@link #refusal} where it asks
 * about consent; bounces, complaints and carrier codes add to it, people manage it through the API. An entry for good
 * is not shortened by a later one that expires (a soft bounce does not undo a hard one).
 */
@Service
public class SuppressionList {

	private static final Logger log = LoggerFactory.getLogger(SuppressionList.class);

	private final SuppressionStore store;
	private final Clock clock;

	SuppressionList(SuppressionStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * The outreach reason when {@code address} may not be reached on {@code channel} now, else null. A channel
	 * without addresses (task) or an address that is not valid for the channel is never suppressed here.
	 */
	public String refusal(String channel, String address) {
		return active(channel, address).map(Suppression::outreachReason).orElse(null);
	}

	public Optional<Suppression> active(String channel, String address) {
		if (!Addresses.EMAIL.equals(channel) && !Addresses.SMS.equals(channel) || address == null) {
			return Optional.empty();
		}
		String normalised;
		try {
			normalised = Addresses.normalise(channel, address);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return store.find(channel, normalised).filter(s -> s.activeAt(now));
	}

	/** Adds an address for good ({@code forHowLong} null) or for a while; returns the entry as stored. */
	public Suppression add(String channel, String address, String reason, SuppressionSource source,
			Duration forHowLong, String by) {
		Instant now = clock.instant();
		return add(channel, address, reason, source, now, forHowLong == null ? null : now.plus(forHowLong), by);
	}

	/**
	 * Adds an address until {@code expiresAt} exactly (null: for good), as a person gave it: a duration from one
	 * reading of the clock added to another would move it by the time in between.
	 */
	public Suppression addUntil(String channel, String address, String reason, SuppressionSource source,
			Instant expiresAt, String by) {
		return add(channel, address, reason, source, clock.instant(), expiresAt, by);
	}

	private Suppression add(String channel, String address, String reason, SuppressionSource source, Instant now,
			Instant expiresAt, String by) {
		String name = Addresses.channel(channel);
		return put(name, Addresses.normalise(name, address), reason, source, now, expiresAt, by);
	}

	/**
	 * Adds an erased customer's address as the erasure keeps them: under its keyed digest, so it is refused if it
	 * comes back while nobody can read it from the list. For a late report about a message sent before the erasure.
	 */
	public Suppression addErased(String channel, String address, String reason, SuppressionSource source,
			Duration forHowLong, String by) {
		String name = Addresses.channel(channel);
		Instant now = clock.instant();
		return put(name, store.digest(Addresses.normalise(name, address)), reason, source, now,
				forHowLong == null ? null : now.plus(forHowLong), by);
	}

	private Suppression put(String name, String key, String reason, SuppressionSource source, Instant now,
			Instant expiresAt, String by) {
		Suppression entry = new Suppression(name, key, reason(reason), source, now, expiresAt, by);
		Optional<Suppression> existing = store.find(name, key).filter(s -> s.activeAt(now));
		if (existing.isPresent() && existing.get().expiresAt() == null && entry.expiresAt() != null) {
			return existing.get();
		}
		store.put(entry);
		// the address stays out of the log; the API shows it to those allowed to see it
		log.info("Suppressed an {} address (source {})", name, source.label());
		return entry;
	}

	/** False when there was no such entry. */
	public boolean remove(String channel, String address) {
		String name = Addresses.channel(channel);
		try {
			return store.delete(name, Addresses.normalise(name, address));
		}
		catch (IllegalArgumentException notAnAddress) {
			// an entry added before today's checks can still be lifted
			if (Addresses.EMAIL.equals(name) && address != null && !address.isBlank()
					&& store.delete(name, Addresses.emailAsStoredBefore(address))) {
				return true;
			}
			throw notAnAddress;
		}
	}

	/** Lifts an entry only when it came from {@code source} (a carrier opt-out undone by START). */
	public boolean remove(String channel, String address, SuppressionSource source) {
		try {
			String name = Addresses.channel(channel);
			return store.delete(name, Addresses.normalise(name, address), source);
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	/**
	 * Keeps the entries of an erased customer's addresses without the addresses: each is replaced by a keyed digest,
	 * so the address stays refused if it comes back, and nobody can read it from the list. Values that are not an
	 * address of a channel are ignored.
	 */
	public int pseudonymise(Collection<String> contactDetails) {
		int kept = 0;
		for (String value : contactDetails) {
			for (String channel : List.of(Addresses.EMAIL, Addresses.SMS)) {
				try {
					if (store.pseudonymise(channel, Addresses.normalise(channel, value), contactDetails)) {
						kept++;
					}
				}
				catch (IllegalArgumentException notThisChannel) {
					// a name, or an email tried as a phone number
				}
			}
		}
		return kept;
	}

	public record Page(List<Suppression> items, int page, int size, long total) {
	}

	Page page(String channel, SuppressionSource source, int page, int size) {
		String name = channel == null || channel.isBlank() ? null : Addresses.channel(channel);
		return new Page(store.page(name, source, page * size, size), page, size, store.count(name, source));
	}

	private static String reason(String reason) {
		String value = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
		if (value.length() > 300) {
			throw new IllegalArgumentException("reason: longer than 300 characters");
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("reason: contains control characters");
		}
		if (value.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
			throw new IllegalArgumentException("reason: not valid Unicode (half of a surrogate pair alone)");
		}
		return value;
	}
}
