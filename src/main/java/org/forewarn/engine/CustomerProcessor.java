package org.forewarn.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.forewarn.customer.CustomerState;
import org.forewarn.customer.CustomerStateReducer;
import org.forewarn.customer.CustomerStateStore;
import org.forewarn.customer.CustomerStateStore.Known;
import org.forewarn.event.Event;
import org.forewarn.event.EventJson;
import org.forewarn.event.EventParser;
import org.forewarn.event.EventStore;
import org.forewarn.event.EventType;
import org.forewarn.event.InvalidEventException;
import org.forewarn.logging.LogContext;
import org.forewarn.outreach.Detection;
import org.forewarn.outreach.Outreach;
import org.forewarn.outreach.OutreachDispatcher;
import org.forewarn.outreach.OutreachDispatcher.Dispatched;
import org.forewarn.outreach.OutreachPlanner;
import org.forewarn.outreach.OutreachStore;
import org.forewarn.rules.Decisions;
import org.forewarn.rules.Evaluation;
import org.forewarn.rules.PriorOutreach;
import org.forewarn.rules.RuleEngine;
import org.forewarn.rules.Trigger;
import org.forewarn.rules.Wakeup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one path every event and timer takes, live and in replay: store the event once, fold it into the customer's
 * state, let the rules decide at the event's time, plan the outreach, then send what is due. Runs in the customer's
 * lane; everything up to the plan commits together, so a failure leaves no half-processed event behind. A wakeup
 * that only dispatches (work that was due at once, found again after a crash) is stored and skips the rules.
 */
@Component
class CustomerProcessor {

	private static final Logger log = LoggerFactory.getLogger(CustomerProcessor.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventStore events;
	private final CustomerStateStore states;
	private final RuleEngine rules;
	private final OutreachStore outreach;
	private final OutreachPlanner planner;
	private final OutreachDispatcher dispatcher;
	private final WakeupScheduler scheduler;
	private final TransactionTemplate transaction;
	private final ShareSenders senders;
	private final Clock clock;

	CustomerProcessor(EventStore events, CustomerStateStore states, RuleEngine rules, OutreachStore outreach,
			OutreachPlanner planner, OutreachDispatcher dispatcher, WakeupScheduler scheduler,
			TransactionTemplate transaction, ShareSenders senders, Clock clock) {
		this.events = events;
		this.states = states;
		this.rules = rules;
		this.outreach = outreach;
		this.planner = planner;
		this.dispatcher = dispatcher;
		this.scheduler = scheduler;
		this.transaction = transaction;
		this.senders = senders;
		this.clock = clock;
	}

	/**
	 * Processes one event; false when it is a duplicate and nothing was decided. A duplicate still sends what is
	 * due for its customer: a redelivered event (Kafka, after a crash between storing and sending) finishes the
	 * sends its first delivery left undone; sends are claimed before they go out, so none goes out twice.
	 */
	boolean process(Event event) {
		return processAll(List.of(event)).get(0);
	}

	/**
	 * Processes events of this lane's customers, in order, in one transaction (one commit for all), then sends what
	 * is due for each of their customers who may have any, the customers at the same time ({@link ShareSenders});
	 * whether each was new, as {@link #process} answers. When anything fails, the exception is thrown (when it failed
	 * before the commit, nothing of them was stored): the caller tries them one at a time to learn which.
	 */
	List<Boolean> processAll(List<Event> batch) {
		return processAll(batch, false);
	}

	/**
	 * As {@link #processAll(List)}; with {@code sendBehind} it returns once the events are stored and decided, and
	 * their customers' sends go on behind it ({@link ShareSenders#sendBehind}): each send then due still has a wakeup
	 * (see {@link #keepDispatchable}), deleted once it is done, so a stop before then loses nothing.
	 */
	List<Boolean> processAll(List<Event> batch, boolean sendBehind) {
		try {
			// one writer per customer: their sends still under way come first
			batch.forEach(event -> senders.awaitSends(event.customerId()));
			Map<String, CustomerState> latest = new LinkedHashMap<>();
			Map<String, List<Wakeup>> scheduled = new ConcurrentHashMap<>();
			Set<String> mayOwe = new HashSet<>();
			Map<String, Wakeup> withdrawn = new LinkedHashMap<>();
			List<Boolean> fresh = transaction.execute(tx -> {
				List<Boolean> stored = storeAndDecide(batch, latest, scheduled, mayOwe, withdrawn);
				if (!withdrawn.isEmpty()) {
					// in the share's transaction: another instance taking the customer over asks for them anew
					scheduler.settled(List.copyOf(withdrawn.values()));
				}
				if (sendBehind) {
					keepDispatchable(batch, stored, mayOwe, scheduled);
				}
				return stored;
			});
			List<CustomerState> due = new ArrayList<>(latest.size());
			latest.forEach((customerId, state) -> {
				if (mayOwe.contains(customerId)) {
					due.add(state != null ? state : load(customerId, List.of()));
				}
			});
			if (sendBehind) {
				due.forEach(state -> senders.sendBehind(state.customerId(),
						() -> sendBehind(state, kept(scheduled, state.customerId()))));
				return fresh;
			}
			List<Wakeup> settled = Collections.synchronizedList(new ArrayList<>());
			senders.sendEach(due, state -> settled.addAll(dispatch(state, kept(scheduled, state.customerId()))));
			settle(settled);
			return fresh;
		}
		catch (RuntimeException | Error e) {
			// the states kept may hold changes that were rolled back
			batch.forEach(event -> states.forget(event.customerId()));
			throw e;
		}
	}

	/**
	 * Gives a wakeup due now, in the share's transaction, to each customer who may owe sends and whose work came with
	 * a spent wakeup: a timer event (its wakeup fired) or a redelivered event (its first delivery may have settled
	 * its wakeups). Their sends go out after the offsets are committed; other due work still has its own wakeup, as
	 * work the share's decisions made due at once has. Settled once the sends are done, like the decisions' own.
	 */
	private void keepDispatchable(List<Event> batch, List<Boolean> stored, Set<String> mayOwe,
			Map<String, List<Wakeup>> scheduled) {
		Instant now = clock.instant();
		Set<String> spent = new HashSet<>();
		for (int i = 0; i < batch.size(); i++) {
			Event event = batch.get(i);
			boolean timer = event.type().equals(EventType.TIMER_FIRED.wireName());
			if ((timer || !stored.get(i)) && mayOwe.contains(event.customerId())) {
				spent.add(event.customerId());
			}
		}
		for (String customerId : spent) {
			List<Wakeup> kept = kept(scheduled, customerId);
			if (kept.stream().noneMatch(w -> OutreachPlanner.onlyDispatches(w) && !w.at().isAfter(now))) {
				scheduling(kept).accept(OutreachPlanner.dispatchNow(customerId, now));
			}
		}
	}

	/** Returns once every send that went on behind its lane is done: before the stores it uses close. */
	void finishSends() {
		senders.awaitAllSends();
	}

	/**
	 * Sends what is due for the customer after the lane moved on. When that fails, the wakeup the share gave them
	 * stays and brings their work back.
	 */
	private void sendBehind(CustomerState state, List<Wakeup> scheduledByDecisions) {
		try (LogContext.Scope scope = LogContext.event(null, state.customerId())) {
			settle(dispatch(state, scheduledByDecisions));
		}
		catch (RuntimeException e) {
			log.warn("Sending what is due for customer {} failed; their wakeup brings it back: {}",
					LogContext.customerRef(state.customerId()), e.toString());
		}
	}

	/**
	 * Stores the events, then decides on each new one in order; {@code latest} gets each customer's state after their
	 * last event (null for a customer with duplicates only). Whether each was new, as {@link #process} answers.
	 */
	private List<Boolean> storeAndDecide(List<Event> batch, Map<String, CustomerState> latest,
			Map<String, List<Wakeup>> scheduled, Set<String> mayOwe, Map<String, Wakeup> withdrawn) {
		List<Boolean> stored = events.insertAllIfNew(batch, clock.instant());
		List<Event> newlyStored = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			if (stored.get(i)) {
				newlyStored.add(batch.get(i));
			}
		}
		for (int i = 0, folded = 0; i < batch.size(); i++) {
			Event event = batch.get(i);
			if (!stored.get(i)) {
				mayOwe.add(event.customerId()); // a redelivery finishes what its first delivery may have left undone
				latest.putIfAbsent(event.customerId(), null);
				continue;
			}
			try (LogContext.Scope scope = LogContext.event(event.id(), event.customerId())) {
				List<Event> unfolded = newlyStored.subList(folded++, newlyStored.size());
				latest.put(event.customerId(),
						decide(event, unfolded, scheduling(kept(scheduled, event.customerId())), mayOwe, withdrawn));
			}
		}
		return stored;
	}

	/** One statement for the share. Failing only lets the wakeups fire: their events were stored, their sends done. */
	private void settle(List<Wakeup> settled) {
		if (settled.isEmpty()) {
			return;
		}
		try {
			scheduler.settled(settled);
		}
		catch (RuntimeException e) {
			log.warn("Could not settle {} wakeups whose work was dispatched; they will fire and find it done: {}",
					settled.size(), e.toString());
		}
	}

	private static List<Wakeup> kept(Map<String, List<Wakeup>> scheduled, String customerId) {
		return scheduled.computeIfAbsent(customerId, c -> new ArrayList<>());
	}

	/** Schedules each wakeup it is given and keeps it in {@code kept}. */
	private Consumer<Wakeup> scheduling(List<Wakeup> kept) {
		return wakeup -> {
			scheduler.schedule(wakeup);
			kept.add(wakeup);
		};
	}

	/**
	 * Sends what is due for the customer; answers the wakeups this has settled. Work the share's decisions made due at
	 * once was given a wakeup in case the process stopped before this dispatch: now that it has run, they need not
	 * come back as timer events. Work the dispatch itself made due at once (a fallback it created) has one too; it is
	 * settled only when the dispatch finished all that was due (else the wakeup brings back what it left).
	 */
	private List<Wakeup> dispatch(CustomerState state, List<Wakeup> scheduledByDecisions) {
		Instant began = clock.instant();
		List<Wakeup> scheduledByDispatch = Collections.synchronizedList(new ArrayList<>()); // channels send at once
		Dispatched dispatched = dispatcher.dispatchDue(state, scheduling(scheduledByDispatch));
		List<Wakeup> settled = new ArrayList<>(dueBy(scheduledByDecisions, began));
		if (dispatched.finished()) {
			settled.addAll(dueBy(scheduledByDispatch, dispatched.now()));
		}
		return settled;
	}

	private static List<Wakeup> dueBy(List<Wakeup> wakeups, Instant moment) {
		return wakeups.stream()
			.filter(wakeup -> OutreachPlanner.onlyDispatches(wakeup) && !wakeup.at().isAfter(moment))
			.toList();
	}

	/**
	 * Acts on an event just stored, inside the caller's transaction, where its share's events not yet folded into
	 * the state ({@code unfolded}) are stored too. Adds the customer to {@code mayOwe} unless it is certain they have
	 * no outreach at all, so nothing to send: none stored when the rules were asked, none decided by them, no dispatch
	 * planned. Puts in {@code withdrawn} the wakeups the rules no longer ask for ({@link AskedWakeups}), settled in
	 * the share's transaction, and takes out those asked for again.
	 */
	private CustomerState decide(Event event, List<Event> unfolded, Consumer<Wakeup> schedule, Set<String> mayOwe,
			Map<String, Wakeup> withdrawn) {
		CustomerState current = load(event.customerId(), unfolded);
		Trigger trigger = trigger(event, event.instant());
		if (OutreachPlanner.onlyDispatches(trigger)) {
			mayOwe.add(event.customerId());
			return current; // stored, so it acts once; the dispatch after the commit does its work
		}
		Known known = states.known(event.customerId());
		if (changesState(trigger)) {
			CustomerStateReducer.apply(current, event);
			states.save(current, event.instant());
		}
		List<Outreach> existing = known.noOutreach() ? List.of() : outreach.findByCustomer(event.customerId());
		List<Detection> open = known.noOpenDetections() ? List.of() : planner.openDetections(event.customerId());
		Instant at = reasoningTime(event, existing, open);
		if (!at.equals(trigger.time())) {
			trigger = trigger(event, at);
		}
		Evaluation evaluation = rules.evaluate(current, trigger, prior(existing));
		if (log.isDebugEnabled()) { // the customer's reference is a keyed hash: not worked out for nothing
			log.debug("{} for customer {}: detections {}, wakeups {}", evaluation.trigger(),
					LogContext.customerRef(event.customerId()),
					evaluation.decisions().detections(), evaluation.decisions().wakeups());
		}
		evaluation.decisions().failures().forEach(f -> log.warn("Rule '{}' failed on event {} of customer {}; "
				+ "its decisions were dropped, the other rules' stand: {}", f.rule(), event.id(),
				LogContext.customerRef(event.customerId()), f.error()));
		List<Wakeup> planned = planner.apply(evaluation, current, existing, open);
		planned.forEach(schedule);
		if (!withdrawn.isEmpty()) { // rarely anything in it: no key worked out for every wakeup of every event
			planned.forEach(wakeup -> withdrawn.remove(wakeup.key()));
		}
		// kept in the state the lane holds, stored at its next save: a list one evaluation older withdraws as rightly
		AskedWakeups.update(current, evaluation).forEach(wakeup -> withdrawn.put(wakeup.key(), wakeup));
		Decisions decisions = evaluation.decisions();
		boolean noOutreach = existing.isEmpty() && decisions.outreach().isEmpty();
		boolean noOpenDetections = open.isEmpty() && decisions.detections().isEmpty();
		boolean firstOfEither = existing.isEmpty() && !noOutreach || open.isEmpty() && !noOpenDetections;
		if (firstOfEither && !changesState(trigger)) {
			// a new revision, so a lane that knew the customer had none of these knows it no longer
			states.touch(event.customerId());
		}
		states.learned(event.customerId(), new Known(noOutreach, noOpenDetections));
		if (!noOutreach || planned.stream().anyMatch(OutreachPlanner::onlyDispatches)) {
			mayOwe.add(event.customerId());
		}
		return current;
	}

	/**
	 * The customer's state; when what is stored cannot be read, it is folded again from the customer's stored
	 * events that pass today's checks (all but {@code unfolded}: the event about to be folded in and those after it),
	 * so one bad record never stops the customer.
	 */
	private CustomerState load(String customerId, List<Event> unfolded) {
		try {
			return states.loadInLane(customerId);
		}
		catch (CustomerStateStore.UnreadableStateException e) {
			CustomerState rebuilt = new CustomerState(customerId);
			Set<String> skip = new HashSet<>();
			unfolded.forEach(event -> skip.add(event.id()));
			int used = 0;
			int skipped = 0;
			for (Event stored : events.findByCustomer(customerId)) {
				if (skip.contains(stored.id())) {
					continue;
				}
				try {
					Event checked = EventParser.parseInternal(EventJson.toNode(stored).toString());
					CustomerStateReducer.apply(rebuilt, checked);
					used++;
				}
				catch (InvalidEventException invalid) {
					skipped++;
				}
			}
			log.warn("{}; rebuilt from {} stored events ({} skipped as invalid)", e.getMessage(), used, skipped);
			return rebuilt;
		}
	}

	/** A timer only makes the rules look again; the state stays as stored. */
	private static boolean changesState(Trigger trigger) {
		return !trigger.type().equals(EventType.TIMER_FIRED.wireName());
	}

	private static List<PriorOutreach> prior(List<Outreach> existing) {
		return existing.stream()
			.map(o -> new PriorOutreach(o.problem(), o.orderId(), o.rule(), o.channel(), o.status().name(), o.sendAt()))
			.toList();
	}

	/**
	 * When the rules reason about an event: at its own time, unless it arrived late, after the rules had already
	 * decided outreach or found a problem for the customer at a later moment (at a wakeup, or at an event since).
	 * Then at the newest such moment: asked at the earlier one, a rule would not yet see a problem it saw later, and
	 * an unrelated late event would call off the notice it decided. What the late event changes still counts.
	 */
	private static Instant reasoningTime(Event event, List<Outreach> existing, List<Detection> open) {
		Instant at = event.instant();
		for (Outreach o : existing) {
			at = later(at, o.decidedAt());
		}
		for (Detection d : open) {
			at = later(at, d.detectedAt());
		}
		return at;
	}

	private static Instant later(Instant at, Instant other) {
		return other != null && other.isAfter(at) ? other : at;
	}

	/** The event as the rules see it, at {@code at}. */
	@SuppressWarnings("unchecked")
	private static Trigger trigger(Event event, Instant at) {
		Map<String, Object> data = new LazyEventData(event.data(), () -> JSON.convertValue(event.data(), Map.class));
		return new Trigger(event.id(), event.type(), at, event.orderId(), data, event.instant());
	}
}
