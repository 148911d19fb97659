package org.forewarn.rules;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.base.reteoo.InitialFactImpl;
import org.drools.base.rule.EntryPointId;
import org.drools.core.impl.InternalRuleBase;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The sessions of one rule set, each reset after an evaluation, so nothing of one evaluation is seen by the next. Kept
 * here rather than in Drools's own pool, which looks its pool up by a key built anew on every call. Also knows which
 * kinds of fact some rule can match: inserting one no rule looks at would only cost its insert and its reset.
 */
final class Sessions {

	private final KieBase kieBase;
	private final Queue<StatefulKnowledgeSessionImpl> idle = new ConcurrentLinkedQueue<>();
	private final Map<Class<?>, Boolean> matched = new ConcurrentHashMap<>();

	Sessions(KieBase kieBase) {
		this.kieBase = kieBase;
	}

	KieSession take() {
		StatefulKnowledgeSessionImpl session = idle.poll();
		return session != null ? session : (StatefulKnowledgeSessionImpl) kieBase.newKieSession();
	}

	/**
	 * Resets the session for the next evaluation (its facts, globals and listeners go); one that cannot be reset is
	 * disposed of instead.
	 */
	void giveBack(KieSession session) {
		StatefulKnowledgeSessionImpl used = (StatefulKnowledgeSessionImpl) session;
		try {
			used.reset();
		}
		catch (RuntimeException e) {
			used.dispose();
			throw e;
		}
		idle.offer(used);
	}

	/** Drops a session an evaluation stopped half way: what it holds is not known to be resettable. */
	void discard(KieSession session) {
		session.dispose();
	}

	/** Whether some pattern of the rule set can match a fact of this class (a pattern on {@code Object} matches all). */
	boolean matches(Class<?> factClass) {
		return matched.computeIfAbsent(factClass, this::anyPatternMatches);
	}

	private boolean anyPatternMatches(Class<?> factClass) {
		ClassObjectType type = new ClassObjectType(factClass);
		Map<ObjectType, ?> nodes = ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes(EntryPointId.DEFAULT);
		return nodes != null && nodes.keySet().stream()
			.filter(t -> !(t instanceof ClassObjectType c && c.getClassType() == InitialFactImpl.class))
			.anyMatch(t -> t.isAssignableFrom(type));
	}
}
