package org.forewarn.shared;

/**
 * The {@code page} and {@code size} of a paged list, checked alike wherever a list is paged. The page may reach at
 * most {@code maxReach} entries deep, which also keeps {@code page * size}, the database's offset, from
 * overflowing. Errors are IllegalArgumentException naming the parameter.
 */
public final class PageBounds {

	private PageBounds() {
	}

	/** {@code beyondReach}: what to do instead of reaching deeper (null: nothing to add). */
	public static void check(int page, int size, int maxSize, int maxReach, String beyondReach) {
		if (size < 1 || size > maxSize) {
			throw new IllegalArgumentException("size: " + size + " is not between 1 and " + maxSize);
		}
		if (page < 0 || (long) page * size > maxReach) {
			throw new IllegalArgumentException("page: " + page + " is not between 0 and " + maxReach / size
					+ " for pages of " + size + (beyondReach == null ? "" : "; " + beyondReach));
		}
	}
}
