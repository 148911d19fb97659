package org.forewarn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server on a free port that stops answering: either at once (it takes the connection and never sends its
 * greeting) or after a whole message (it speaks SMTP, takes DATA and the message, and never answers the final ".").
 * It counts connections and the messages it received completely.
 */
public final class UnansweringSmtpServer implements AutoCloseable {

	public enum Silence {
		/** Takes the connection, never greets: nothing can have been sent. */
		FROM_THE_START,
		/** Takes the whole message, never answers its end: it may count as delivered. */
		AFTER_THE_MESSAGE
	}

	private final ServerSocket server;
	private final Silence silence;
	private final AtomicInteger connections = new AtomicInteger();
	private final AtomicInteger messages = new AtomicInteger();
	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	public UnansweringSmtpServer(Silence silence) throws IOException {
		this.server = new ServerSocket(0);
		this.silence = silence;
		Thread acceptor = new Thread(this::accept, "unanswering-smtp-" + server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return server.getLocalPort();
	}

	public int connections() {
		return connections.get();
	}

	/** Messages received up to their final "." (none of them answered). */
	public int messages() {
		return messages.get();
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket socket = server.accept();
				sockets.add(socket);
				connections.incrementAndGet();
				if (silence == Silence.AFTER_THE_MESSAGE) {
					Thread conversation = new Thread(() -> converse(socket), "unanswering-smtp-session");
					conversation.setDaemon(true);
					conversation.start();
				}
			}
			catch (IOException e) {
				return;
			}
		}
	}

	private void converse(Socket socket) {
		try (socket) {
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
					StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			reply(out, "220 unanswering.test ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 unanswering.test");
				}
				else if (command.startsWith("DATA")) {
					reply(out, "354 end with <CRLF>.<CRLF>");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// the message itself
					}
					messages.incrementAndGet();
					// silence: wait until the client gives up and closes
					while (in.read() != -1) {
						// discard
					}
					return;
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 bye");
					return;
				}
				else {
					reply(out, "250 OK");
				}
			}
		}
		catch (IOException e) {
			// the client closed the connection
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		server.close();
		for (Socket socket : sockets) {
			socket.close();
		}
	}
}
