package org.webcare.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The running figures of one import, readable while it runs (progress lines, the job's row). Problems are the lines
 * that were skipped, each naming its line; only the first {@link #MAX_PROBLEMS} are kept, the count is complete.
 */
public final class ImportFigures {

    static final int MAX_PROBLEMS = 100;

    final AtomicLong rowsRead = new AtomicLong();
    final AtomicLong postsStored = new AtomicLong();
    final AtomicLong repliesRecorded = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong casesResolved = new AtomicLong();
    private final List<String> problems = new ArrayList<>();
    private final long startedNanos = System.nanoTime();

    public long rowsRead() {
        return rowsRead.get();
    }

    public long postsStored() {
        return postsStored.get();
    }

    public long repliesRecorded() {
        return repliesRecorded.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long skipped() {
        return skipped.get();
    }

    public long casesResolved() {
        return casesResolved.get();
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    synchronized void problem(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        }
    }

    public double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Rows read per second so far. */
    public double rate() {
        double seconds = seconds();
        return seconds <= 0 ? 0 : rowsRead() / seconds;
    }

    /** One progress line, e.g. for standard error. */
    public String line(String phase) {
        return String.format(java.util.Locale.ROOT,
                "%s: %,d rows read, %,d posts stored, %,d replies recorded, %,d duplicates, %,d skipped (%.0f rows/s)",
                phase, rowsRead(), postsStored(), repliesRecorded(), duplicates(), skipped(), rate());
    }
}
