package org.forewarn.brake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.forewarn.shared.StoredTime;

/**
 * Admissions counted in this process's memory, for a process that alone sends, on a database it throws away at its
 * end (a replay): counted and deleted as the table does, so both let the same sends through. Nothing else sees them.
 */
final class MemoryCeilingAdmissions implements CeilingAdmissions {

	private record Admission(String outreachId, Instant at) {
	}

	private final Map<String, List<Admission>> byRule = new HashMap<>();
	private final Set<String> admitted = new HashSet<>();

	@Override
	public synchronized boolean admit(String rule, int ceiling, String outreachId, Instant now) {
		if (admitted.contains(outreachId)) {
			return true;
		}
		Instant since = now.minus(HOUR);
		List<Admission> admissions = byRule.computeIfAbsent(rule, r -> new ArrayList<>());
		int lastHour = count(admissions, since);
		if (admissions.size() - lastHour >= PRUNE_AT) {
			admissions.removeIf(a -> {
				boolean agedOut = !a.at().isAfter(since);
				if (agedOut) {
					admitted.remove(a.outreachId());
				}
				return agedOut;
			});
		}
		if (lastHour >= ceiling) {
			return false;
		}
		admissions.add(new Admission(outreachId, StoredTime.asStored(now))); // as the column would keep it
		admitted.add(outreachId);
		return true;
	}

	@Override
	public synchronized int usedAfter(String rule, Instant since) {
		return count(byRule.getOrDefault(rule, List.of()), since);
	}

	@Override
	public synchronized int kept(String rule) {
		return byRule.getOrDefault(rule, List.of()).size();
	}

	@Override
	public synchronized void clear() {
		byRule.clear();
		admitted.clear();
	}

	private static int count(List<Admission> admissions, Instant since) {
		int after = 0;
		for (Admission admission : admissions) {
			if (admission.at().isAfter(since)) {
				after++;
			}
		}
		return after;
	}
}
