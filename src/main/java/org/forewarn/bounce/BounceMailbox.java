package org.forewarn.bounce;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

import org.forewarn.shared.StableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the bounce mailbox over IMAP every {@code forewarn.bounces.imap.interval}, when its host is set. Each message
 * not yet processed is read as a report and applied to its outreach; then it is flagged (a keyword of its own where
 * the server keeps keywords, else \Seen) and, with a processed folder set, moved there. The database remembers every
 * report applied, so a restart between applying and flagging counts nothing twice. A message that is no report, or
 * cannot be read, is logged (without addresses), flagged and left in the folder; it never stops the reading.
 */
@Component
class BounceMailbox {

	private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);
	static final String PROCESSED = "ForewarnProcessed";
	/** Messages read in one pass at most; the rest wait for the next. */
	private static final int BATCH = 500;

	private final BounceSettings.Imap settings;
	private final BounceHandler handler;
	private ScheduledExecutorService timer;

	BounceMailbox(BounceSettings settings, BounceHandler handler) {
		this.settings = settings.imap();
		this.handler = handler;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!settings.configured()) {
			log.info("Bounce mailbox: off (forewarn.bounces.imap.host not set)");
			return;
		}
		log.info("Bounce mailbox: {} {}:{} folder {}, every {}", settings.ssl() ? "imaps" : "imap", settings.host(),
				settings.port(), settings.folder(), settings.interval());
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "forewarn-bounce-mailbox");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(1000, settings.interval().toMillis());
		timer.scheduleWithFixedDelay(this::pollSafely, Math.min(every, 30_000), every, TimeUnit.MILLISECONDS);
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException e) {
			log.warn("Bounce mailbox: reading failed, trying again in {}: {}", settings.interval(), e.toString());
		}
	}

	/** Reads once; returns how many reports were applied. */
	synchronized int poll() {
		if (!settings.configured()) {
			return 0;
		}
		String protocol = settings.ssl() ? "imaps" : "imap";
		Session session = Session.getInstance(properties(protocol));
		int applied = 0;
		try (Store store = session.getStore(protocol)) {
			store.connect(settings.host(), settings.port(), settings.user(), settings.password());
			Folder folder = store.getFolder(settings.folder());
			folder.open(Folder.READ_WRITE);
			try {
				Flags done = processedFlag(folder);
				Message[] waiting = folder.search(new FlagTerm(done, false));
				Folder target = processedFolder(store);
				for (int i = 0; i < Math.min(waiting.length, BATCH); i++) {
					Outcome outcome = process((MimeMessage) waiting[i], folder.getFullName());
					if (outcome == Outcome.TRY_AGAIN) {
						continue;
					}
					applied += outcome == Outcome.APPLIED ? 1 : 0;
					waiting[i].setFlags(done, true);
					if (target != null) {
						folder.copyMessages(new Message[] { waiting[i] }, target);
						waiting[i].setFlag(Flags.Flag.DELETED, true);
					}
				}
			}
			finally {
				// expunges what was moved
				folder.close(settings.processedFolder() != null && !settings.processedFolder().isBlank());
			}
		}
		catch (MessagingException e) {
			log.warn("Bounce mailbox {}:{} could not be read: {}", settings.host(), settings.port(), e.getMessage());
		}
		return applied;
	}

	private enum Outcome {
		APPLIED, SKIPPED, TRY_AGAIN
	}

	/**
	 * One message: applied, or skipped for good (not a report, unreadable, already applied, about no email of ours),
	 * or left for the next reading when applying it failed (the database away). Nothing in it stops the reading.
	 */
	private Outcome process(MimeMessage message, String folder) {
		int number = message.getMessageNumber();
		Report report;
		String reportId;
		try {
			report = ReportReader.read(message);
			reportId = reportId(message);
		}
		catch (ReportReader.NotAReport e) {
			log.info("Bounce mailbox {} message {}: {}; skipped", folder, number, e.getMessage());
			return Outcome.SKIPPED;
		}
		catch (Exception e) {
			// the exception's message may quote the mail; its type is enough to tell cases apart
			log.warn("Bounce mailbox {} message {} cannot be read ({}); skipped", folder, number,
					e.getClass().getSimpleName());
			return Outcome.SKIPPED;
		}
		if (report == null) {
			log.debug("Bounce mailbox {} message {}: a report of no failure; skipped", folder, number);
			return Outcome.SKIPPED;
		}
		try {
			BounceHandler.Applied applied = handler.apply(reportId, report);
			if (applied == BounceHandler.Applied.UNMATCHED) {
				log.info("Bounce mailbox {} message {}: a {} report about no email Forewarn sent; skipped", folder,
						number, report.label());
			}
			return applied == BounceHandler.Applied.APPLIED ? Outcome.APPLIED : Outcome.SKIPPED;
		}
		catch (RuntimeException e) {
			log.warn("Bounce mailbox {} message {}: the {} report could not be applied, tried again next time: {}",
					folder, number, report.label(), e.getClass().getSimpleName());
			return Outcome.TRY_AGAIN;
		}
	}

	/** The report's own Message-ID, or a digest of its headers when it has none. */
	private static String reportId(MimeMessage message) throws MessagingException {
		String id = message.getMessageID();
		if (id != null && !id.isBlank() && id.length() <= 250) {
			return id.strip();
		}
		StringBuilder headers = new StringBuilder();
		message.getAllHeaderLines().asIterator().forEachRemaining(headers::append);
		return "digest:" + StableId.of(headers.toString());
	}

	private static Flags processedFlag(Folder folder) {
		Flags permanent = folder.getPermanentFlags();
		return permanent != null && permanent.contains(Flags.Flag.USER) ? new Flags(PROCESSED)
				: new Flags(Flags.Flag.SEEN);
	}

	private Folder processedFolder(Store store) throws MessagingException {
		if (settings.processedFolder() == null || settings.processedFolder().isBlank()) {
			return null;
		}
		Folder target = store.getFolder(settings.processedFolder());
		if (!target.exists() && !target.create(Folder.HOLDS_MESSAGES)) {
			throw new MessagingException("processed folder '" + settings.processedFolder() + "' cannot be created");
		}
		return target;
	}

	private Properties properties(String protocol) {
		Properties props = new Properties();
		String timeout = String.valueOf(Math.max(1000, settings.timeout().toMillis()));
		props.put("mail." + protocol + ".connectiontimeout", timeout);
		props.put("mail." + protocol + ".timeout", timeout);
		props.put("mail." + protocol + ".writetimeout", timeout);
		props.put("mail.imap.starttls.enable", "true");
		return props;
	}

	@PreDestroy
	void stop() throws InterruptedException {
		if (timer != null) {
			timer.shutdownNow();
			timer.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
		}
	}
}
