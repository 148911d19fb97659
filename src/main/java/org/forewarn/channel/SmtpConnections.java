package org.forewarn.channel;

import java.time.Duration;

import jakarta.mail.MessagingException;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP connections kept open between emails, so that an email does not pay for its own connect, TLS handshake and
 * login. Only a connection whose last message went out cleanly comes back; one taken again after a wait is asked
 * first (NOOP) whether the server still holds it, one unused for {@code keepIdle} is closed, and one that carried
 * {@code messagesPerConnection} emails is closed rather than used again (servers limit how many they take on one
 * connection). A connection is still taken before the send is claimed, as a new one was.
 */
final class SmtpConnections implements AutoCloseable {

	private final GenericObjectPool<StagedSmtpTransport> pool;

	SmtpConnections(JavaMailSenderImpl mail, String protocol, int idle, Duration keepIdle,
			int messagesPerConnection) {
		GenericObjectPoolConfig<StagedSmtpTransport> config = new GenericObjectPoolConfig<>();
		config.setMaxTotal(-1); // never wait for a connection: the lanes and senders bound how many send at once
		config.setMaxIdle(idle);
		config.setTestOnBorrow(true);
		config.setMinEvictableIdleDuration(keepIdle);
		config.setTimeBetweenEvictionRuns(keepIdle.dividedBy(2).isZero() ? keepIdle : keepIdle.dividedBy(2));
		config.setNumTestsPerEvictionRun(-1); // look at every idle connection each run
		config.setJmxEnabled(false);
		this.pool = new GenericObjectPool<>(new Factory(mail, protocol, messagesPerConnection), config);
	}

	/** A connected transport: a kept one that still answers, or a new one. */
	StagedSmtpTransport take() throws MessagingException {
		try {
			return pool.borrowObject();
		}
		catch (MessagingException e) {
			throw e;
		}
		catch (Exception e) {
			throw new MessagingException("no SMTP connection: " + e.getMessage(), e);
		}
	}

	/** The transport's last message went out, or none was sent on it: the next email may use it. */
	void giveBack(StagedSmtpTransport transport) {
		pool.returnObject(transport);
	}

	/** Something failed on the transport: its SMTP session is in no known state, so it is closed, not kept. */
	void discard(StagedSmtpTransport transport) {
		// not invalidateObject: that opens a replacement at once, to a server that has just failed
		transport.giveUp();
		pool.returnObject(transport);
	}

	/** Connections carrying an email now (or taken for one about to be claimed). */
	int inUse() {
		return pool.getNumActive();
	}

	/** Connections kept open for the next emails. */
	int idle() {
		return pool.getNumIdle();
	}

	@Override
	public void close() {
		pool.close();
	}

	private static final class Factory extends BasePooledObjectFactory<StagedSmtpTransport> {

		private final JavaMailSenderImpl mail;
		private final String protocol;
		private final int messagesPerConnection;

		Factory(JavaMailSenderImpl mail, String protocol, int messagesPerConnection) {
			this.mail = mail;
			this.protocol = protocol;
			this.messagesPerConnection = messagesPerConnection;
		}

		@Override
		public StagedSmtpTransport create() throws MessagingException {
			StagedSmtpTransport transport = new StagedSmtpTransport(mail.getSession(), protocol);
			// like JavaMailSenderImpl: an empty user name means no authentication
			String user = "".equals(mail.getUsername()) ? null : mail.getUsername();
			String password = user == null && "".equals(mail.getPassword()) ? null : mail.getPassword();
			try {
				transport.connect(mail.getHost(), mail.getPort(), user, password);
			}
			catch (MessagingException e) {
				quietlyClose(transport);
				throw e;
			}
			return transport;
		}

		@Override
		public PooledObject<StagedSmtpTransport> wrap(StagedSmtpTransport transport) {
			return new DefaultPooledObject<>(transport);
		}

		/**
		 * A connection just opened is trusted; a kept one must have room for one more email and answer a NOOP
		 * (isConnected asks the server). The count includes the email about to be sent.
		 */
		@Override
		public boolean validateObject(PooledObject<StagedSmtpTransport> kept) {
			long emails = kept.getBorrowedCount();
			return emails <= 1 || emails <= messagesPerConnection && kept.getObject().isConnected();
		}

		/** A transport given up is destroyed on its return instead of kept. */
		@Override
		public void passivateObject(PooledObject<StagedSmtpTransport> kept) {
			if (kept.getObject().givenUp()) {
				throw new IllegalStateException("the SMTP connection failed and is not kept");
			}
		}

		@Override
		public void destroyObject(PooledObject<StagedSmtpTransport> kept) {
			quietlyClose(kept.getObject());
		}
	}

	private static void quietlyClose(StagedSmtpTransport transport) {
		try {
			transport.close();
		}
		catch (MessagingException e) {
			// the connection is given up either way
		}
	}
}
