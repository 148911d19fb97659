package org.forewarn.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.forewarn.logging.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door to the channels: renders the template, lets the channel's sender build the message, hands it over, and
 * keeps a copy of what went out.
 */
public class ChannelDispatch implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ChannelDispatch.class);

	private final Map<String, Sender> senders;
	private final TemplateRenderer templates;
	private final RenderedMessageStore rendered;
	private final MeterRegistry meters;
	private final Consumer<RecipientRefused> refusals;

	ChannelDispatch(List<Sender> senders, TemplateRenderer templates, RenderedMessageStore rendered) {
		this(senders, templates, rendered, new CompositeMeterRegistry(), refused -> {
		});
	}

	/** {@code refusals} hears of every message a provider refused for good with its own code. */
	ChannelDispatch(List<Sender> senders, TemplateRenderer templates, RenderedMessageStore rendered,
			MeterRegistry meters, Consumer<RecipientRefused> refusals) {
		this.meters = meters;
		this.refusals = refusals;
		this.senders = senders.stream().collect(Collectors.toMap(Sender::channel, Function.identity()));
		this.templates = templates;
		this.rendered = rendered;
	}

	/** Closes what the senders keep open (kept SMTP connections). */
	@Override
	public void close() {
		senders.values().forEach(Sender::close);
	}

	public boolean knows(String channel) {
		return senders.containsKey(channel);
	}

	/** Whether the template has a file for the channel (in any language). */
	public boolean hasTemplate(String template, String channel) {
		return templates.exists(template, channel);
	}

	/** Prepares and hands over at once: for sends that need no claim in between. */
	public DeliveryResult deliver(OutgoingMessage message, Instant at) {
		try (PreparedMessage prepared = prepare(message)) {
			return prepared.failure() != null ? prepared.failure() : send(prepared, at);
		}
	}

	/**
	 * Everything before the hand-over: renders the template and lets the channel build the message (and, for email,
	 * connect). Nothing here reaches the customer; a message that cannot go out comes back with its failure.
	 */
	public PreparedMessage prepare(OutgoingMessage message) {
		Sender sender = senders.get(message.channel());
		if (sender == null) {
			return PreparedMessage.failed(message,
					DeliveryResult.failed("unknown channel '" + message.channel() + "'", "channel"));
		}
		RenderedMessage content;
		try {
			content = render(message);
		}
		catch (TemplateRenderer.TemplateException e) {
			log.warn("Outreach {}: template {} does not render: {}", message.outreachId(), message.template(),
					PersonalData.mask(e.getMessage()));
			return PreparedMessage.failed(message, DeliveryResult.failed("template: " + e.getMessage(),
					DeliveryResult.TEMPLATE));
		}
		try {
			return PreparedMessage.ready(message, content, sender, sender.prepare(message, content));
		}
		catch (Sender.Unsendable e) {
			report(message, e.result());
			return PreparedMessage.failed(message, e.result());
		}
		catch (RuntimeException e) {
			// nothing was handed over yet: an unexpected error here sent nothing
			DeliveryResult failed = DeliveryResult.failed("could not be prepared: " + e, "error");
			report(message, failed);
			return PreparedMessage.failed(message, failed);
		}
	}

	/** Hands a prepared message to its provider, once, and keeps a copy of what went out. */
	public DeliveryResult send(PreparedMessage prepared, Instant at) {
		if (prepared.failure() != null) {
			return prepared.failure();
		}
		DeliveryResult result;
		long started = System.nanoTime();
		try {
			result = prepared.handover.send();
		}
		catch (RuntimeException e) {
			// the provider call had begun: it may have taken the message
			result = DeliveryResult.uncertain(prepared.message.channel() + " failed unexpectedly while handing over: "
					+ e);
		}
		if (result.outcome() == DeliveryResult.Outcome.SENT || result.outcome() == DeliveryResult.Outcome.TASK_OPENED) {
			rendered.save(prepared.message, prepared.content, prepared.sender.isRecording(), at);
		}
		Timer.builder("forewarn.sends").description("Hand-overs to a channel's provider, by outcome and provider code")
			.tag("channel", prepared.message.channel()).tag("outcome", result.outcome().name().toLowerCase())
			.tag("code", result.code() == null ? "none" : result.code())
			.register(meters).record(Duration.ofNanos(System.nanoTime() - started));
		report(prepared.message, result);
		if (result.outcome() == DeliveryResult.Outcome.FAILED && result.code() != null) {
			refused(new RecipientRefused(prepared.message.outreachId(), prepared.message.channel(),
					prepared.message.recipient(), result.code(), at));
		}
		return result;
	}

	/** What others make of a refusal never changes this send's outcome, which is recorded next. */
	private void refused(RecipientRefused refused) {
		try {
			refusals.accept(refused);
		}
		catch (RuntimeException e) {
			log.warn("Outreach {}: acting on the provider's code {} failed: {}", refused.outreachId(), refused.code(),
					PersonalData.mask(String.valueOf(e)));
		}
	}

	/**
	 * Asks the channel's provider whether this message went out between {@code from} and {@code to} (SMS: Twilio's
	 * message list); provider ids for which {@code taken} is true belong to other records and do not count.
	 */
	public SentLookup lookup(OutgoingMessage message, Instant from, Instant to, Predicate<String> taken) {
		Sender sender = senders.get(message.channel());
		if (sender == null) {
			return SentLookup.unknown("unknown channel '" + message.channel() + "'");
		}
		RenderedMessage content;
		try {
			content = render(message);
		}
		catch (RuntimeException e) {
			return SentLookup.unknown("the message could not be rendered again to compare: " + e.getMessage());
		}
		return sender.lookup(message, content, from, to, taken);
	}

	private RenderedMessage render(OutgoingMessage message) {
		if (message.approved() != null) {
			// what a reviewer approved goes out as it is: a template changed since does not change it
			return message.approved();
		}
		return withUnsubscribeLink(templates.render(message), message.unsubscribeUrl());
	}

	/**
	 * The content exactly as it would be sent now (subject, text, HTML, with the unsubscribe link), without sending
	 * anything; a {@link TemplateRenderer.TemplateException} (an {@link IllegalArgumentException}) when the template
	 * does not render.
	 */
	public RenderedMessage preview(OutgoingMessage message) {
		try {
			return render(message);
		}
		catch (TemplateRenderer.TemplateException e) {
			throw new IllegalArgumentException("template: " + e.getMessage(), e);
		}
	}

	private static void report(OutgoingMessage message, DeliveryResult result) {
		switch (result.outcome()) {
			case RETRY -> log.info("Outreach {} on {} failed for now, will retry: {}", message.outreachId(),
					message.channel(), PersonalData.mask(result.reason()));
			case FAILED -> log.warn("Outreach {} on {} failed: {}", message.outreachId(), message.channel(),
					PersonalData.mask(result.reason()));
			case UNCERTAIN -> log.warn("Outreach {} on {} to {} may have gone out; it is not sent again: {}",
					message.outreachId(), message.channel(), PersonalData.mask(message.recipient()),
					PersonalData.mask(result.reason()));
			default -> {
			}
		}
	}

	/**
	 * Every email carries its unsubscribe link; a text or HTML part that does not show it gets it added at the end.
	 * In HTML the link is escaped like any template value (its {@code &} becomes {@code &amp;}).
	 */
	private static RenderedMessage withUnsubscribeLink(RenderedMessage content, String url) {
		if (url == null) {
			return content;
		}
		String text = content.text().contains(url) ? content.text()
				: content.text().stripTrailing() + "\n\n--\nUnsubscribe: " + url + "\n";
		String link = TemplateRenderer.escapeHtml(url);
		String html = content.html() == null || content.html().contains(link) || content.html().contains(url)
				? content.html() : content.html() + "\n<p><a href=\"" + link + "\">Unsubscribe</a></p>\n";
		return new RenderedMessage(content.subject(), text, html);
	}

	public Optional<StoredMessage> message(String outreachId) {
		return rendered.find(outreachId);
	}

	/** Forgets the sent messages kept in memory (a replay's), for a database emptied under them. */
	public void forgetKeptMessages() {
		rendered.forgetKept();
	}

	/** Channel name to plain words on how it delivers, for health and the UI. */
	public Map<String, String> modes() {
		return senders.values().stream().collect(Collectors.toMap(Sender::channel, Sender::mode));
	}

	/** Whether the channel hands messages to a provider (SMTP, Twilio), rather than recording them or opening tasks. */
	public boolean reachesProvider(String channel) {
		Sender sender = senders.get(channel);
		return sender != null && !sender.isRecording() && !"task".equals(channel);
	}

	public boolean anyRecording() {
		return senders.values().stream().anyMatch(Sender::isRecording);
	}
}
