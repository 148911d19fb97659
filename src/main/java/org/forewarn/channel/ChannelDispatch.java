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

	/** Whether the template has a file for the channel (in any language). */
	public boolean hasTemplate(String template, String channel) {
		return templates.exists(template, channel);
	}

	public DeliveryResult deliver(OutgoingMessage message, Instant at) {
		Sender sender = senders.get(message.channel());
		if (sender == null) {
			return DeliveryResult.failed("unknown channel '" + message.channel() + "'", "channel");
		}
		RenderedMessage content;
		try {
			content = withUnsubscribeLink(templates.render(message), message.unsubscribeUrl());
		}
		catch (TemplateRenderer.TemplateException e) {
			log.warn("Outreach {}: template {} does not render: {}", message.outreachId(), message.template(),
					LogSafe.mask(e.getMessage()));
			return DeliveryResult.failed("template: " + e.getMessage(), DeliveryResult.TEMPLATE);
		}
		DeliveryResult result = sender.send(message, content);
		switch (result.outcome()) {
			case SENT, TASK_OPENED -> rendered.save(message, content, sender.isRecording(), at);
			case RETRY -> log.info("Outreach {} on {} failed for now, will retry: {}", message.outreachId(),
					message.channel(), LogSafe.mask(result.reason()));
			case FAILED -> log.warn("Outreach {} on {} failed: {}", message.outreachId(), message.channel(),
					LogSafe.mask(result.reason()));
		}
		return result;
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

	/** Channel name to plain words on how it delivers, for health and the UI. */
	public Map<String, String> modes() {
		return senders.values().stream().collect(Collectors.toMap(Sender::channel, Sender::mode));
	}

	public boolean anyRecording() {
		return senders.values().stream().anyMatch(Sender::isRecording);
	}
}
