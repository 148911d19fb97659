package org.forewarn.channel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one door to the channels: renders the template, hands the message to the channel's sender, keeps a copy. */
public class ChannelDispatch {

	private static final Logger log = LoggerFactory.getLogger(ChannelDispatch.class);

	private final Map<String, Sender> senders;
	private final TemplateRenderer templates;
	private final RenderedMessageStore rendered;

	ChannelDispatch(List<Sender> senders, TemplateRenderer templates, RenderedMessageStore rendered) {
		this.senders = senders.stream().collect(Collectors.toMap(Sender::channel, Function.identity()));
		this.templates = templates;
		this.rendered = rendered;
	}

	public boolean knows(String channel) {
		return senders.containsKey(channel);
	}

	public DeliveryResult deliver(OutgoingMessage message, Instant at) {
		Sender sender = senders.get(message.channel());
		if (sender == null) {
			return DeliveryResult.failed("unknown channel '" + message.channel() + "'");
		}
		RenderedMessage content;
		try {
			content = templates.render(message);
		}
		catch (TemplateRenderer.TemplateException e) {
			return DeliveryResult.failed("template: " + e.getMessage());
		}
		DeliveryResult result = sender.send(message, content);
		if (result.outcome() != DeliveryResult.Outcome.FAILED) {
			rendered.save(message, content, sender.isRecording(), at);
		}
		else {
			log.warn("Outreach {} on {} failed: {}", message.outreachId(), message.channel(), result.reason());
		}
		return result;
	}

	public Optional<StoredMessage> message(String outreachId) {
		return rendered.find(outreachId);
	}

	/** Channel name to plain words on how it delivers, for health and the UI. */
	public Map<String, String> modes() {
		return senders.values().stream().collect(Collectors.toMap(Sender::channel, Sender::mode));
	}

	public boolean anyRecording() {
		return senders.values().stream().anyMatch(Sender::isRecording);
	}
}
