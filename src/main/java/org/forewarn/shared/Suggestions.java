package org.forewarn.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** "did you mean ..." for names people mistype. */
public final class Suggestions {

	private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

	private Suggestions() {
	}

	/** The known name closest to {@code name}, when it is close enough to be a typo; else null. */
	public static String closest(String name, Collection<String> known) {
		int limit = Math.max(2, name.length() / 3);
		return known.stream()
			.filter(k -> !k.equals(name))
			.min(Comparator.comparingInt((String k) -> DISTANCE.apply(name.toLowerCase(), k.toLowerCase()))
				.thenComparing(Comparator.naturalOrder()))
			.filter(k -> DISTANCE.apply(name.toLowerCase(), k.toLowerCase()) <= limit)
			.orElse(null);
	}

	/** {@code " (did you mean \"x\"?)"}, or "" when nothing known is close. */
	public static String didYouMean(String name, Collection<String> known) {
		String closest = closest(name, known);
		return closest == null ? "" : " (did you mean \"" + closest + "\"?)";
	}

	/** "a, b or c". */
	public static String oneOf(List<String> names) {
		if (names.size() < 2) {
			return String.join("", names);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
	}
}
