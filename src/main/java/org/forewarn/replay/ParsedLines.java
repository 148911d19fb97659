package org.forewarn.replay;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.forewarn.event.Event;
import org.forewarn.event.EventParser;
import org.forewarn.event.InvalidEventException;

/**
 * The lines of an events file, read and parsed on a thread of their own a few thousand lines ahead of the replay,
 * so that the replay's thread spends its time on the events. In the file's order; blank lines are passed over, their
 * numbers still counted. A line that is not an event (nor text, see {@link TextLines}) comes as such, in its place;
 * anything else that goes wrong comes after the lines read before it, and ends them.
 */
final class ParsedLines implements AutoCloseable {

	/** A line that is not blank: its event, or why it is not one. */
	record Line(long number, Event event, InvalidEventException invalid) {
	}

	private static final int CHUNK = 256;
	private static final int CHUNKS_AHEAD = 16;
	private static final List<Line> END = List.of();

	private final BlockingQueue<List<Line>> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
	private final Thread reader;
	/** Written before {@link #END} is queued, so seen by whoever takes it. */
	private volatile long linesRead;
	private volatile Throwable failure;
	private Iterator<Line> current = Collections.emptyIterator();
	private boolean ended;

	ParsedLines(InputStream source) {
		this.reader = new Thread(() -> read(new TextLines(source)), "replay-reader");
		reader.setDaemon(true);
		reader.start();
	}

	/** The next line, or null after the last; what reading the file threw comes after the lines read before it. */
	Line next() throws IOException {
		while (!current.hasNext()) {
			if (ended) {
				return null;
			}
			List<Line> chunk = take();
			if (chunk == END) {
				ended = true;
				rethrowFailure();
			}
			current = chunk.iterator();
		}
		return current.next();
	}

	private void rethrowFailure() throws IOException {
		if (failure instanceof IOException e) {
			throw e;
		}
		if (failure instanceof RuntimeException e) {
			throw e;
		}
		if (failure instanceof Error e) {
			throw e;
		}
	}

	/** How many lines the file had, blank ones included: known once {@link #next} has answered null. */
	long linesRead() {
		return linesRead;
	}

	/** Stops the reader and waits for it, so nothing reads the file once the caller closes it. */
	@Override
	public void close() {
		reader.interrupt(); // a replay that stopped early: the reader may be waiting for room in the queue
		boolean interrupted = Thread.interrupted(); // waits all the same, even if this thread was interrupted
		while (reader.isAlive()) {
			try {
				reader.join();
			}
			catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private List<Line> take() {
		try {
			return chunks.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the events file's next lines", e);
		}
	}

	private void read(TextLines source) {
		long number = 0;
		List<Line> chunk = new ArrayList<>(CHUNK);
		try {
			TextLines.Line text;
			while ((text = source.next()) != null) {
				number++;
				if (text.unreadable() != null) {
					chunk.add(new Line(number, null, new InvalidEventException("event", text.unreadable())));
				}
				else if (text.text().isBlank()) {
					continue;
				}
				else {
					chunk.add(parse(number, text.text()));
				}
				if (chunk.size() == CHUNK) {
					chunks.put(chunk);
					chunk = new ArrayList<>(CHUNK);
				}
			}
		}
		catch (InterruptedException e) {
			return; // closed: no one takes more
		}
		catch (IOException | RuntimeException | Error e) {
			failure = e; // the replay gets it after the lines read before it; a parser's bug stops it there too
		}
		try {
			if (!chunk.isEmpty()) {
				chunks.put(chunk);
			}
			linesRead = number;
			chunks.put(END);
		}
		catch (InterruptedException e) {
			// closed
		}
	}

	private static Line parse(long number, String text) {
		try {
			return new Line(number, EventParser.parse(text), null);
		}
		catch (InvalidEventException e) {
			return new Line(number, null, e);
		}
	}
}
