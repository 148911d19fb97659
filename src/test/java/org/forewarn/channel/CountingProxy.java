package org.forewarn.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a free port in front of a server: counts the connections it took and can cut them all, as a server
 * that drops idle clients would.
 */
final class CountingProxy implements AutoCloseable {

	private final ServerSocket listener;
	private final int target;
	private final AtomicInteger accepted = new AtomicInteger();
	private final List<Socket> open = new CopyOnWriteArrayList<>();

	CountingProxy(int target) throws IOException {
		this.listener = new ServerSocket(0);
		this.target = target;
		daemon(this::accept, "proxy-accept");
	}

	int port() {
		return listener.getLocalPort();
	}

	/** Connections taken so far. */
	int accepted() {
		return accepted.get();
	}

	/** Client connections still open (closed by neither side). */
	long open() {
		return open.stream().filter(s -> !s.isClosed()).count();
	}

	void cutAll() throws IOException {
		for (Socket socket : open) {
			socket.close();
		}
	}

	private void accept() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				Socket server = new Socket("localhost", target);
				accepted.incrementAndGet();
				open.add(client);
				daemon(() -> pump(client, server), "proxy-up");
				daemon(() -> pump(server, client), "proxy-down");
			}
			catch (IOException e) {
				return;
			}
		}
	}

	/** Copies one direction until either side closes, then closes both. */
	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException e) {
			// one side went away
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException e) {
			// closing anyway
		}
	}

	private static void daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		listener.close();
		cutAll();
	}
}
