package org.webcare.shared;

import java.util.function.Supplier;

/**
 * Marks work that replays history (a bulk import of old conversations) rather than live traffic. Everything that
 * follows from a stored post or reply still happens (analysis, threading, cases, clocks), but what is meant to alert
 * people or customers about live traffic (SLA warnings and breaches that were due before the import, SLA auto-replies,
 * listening alerts) checks {@link #active()} and stays quiet.
 *
 * <p>The mark belongs to the thread, because the listeners that must stay quiet run on the importing thread: inside its
 * transactions ({@code @EventListener}) or right after they commit ({@code @TransactionalEventListener}), so a replay's
 * transaction must commit inside {@link #run}.
 */
public final class HistoryReplay {

    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private HistoryReplay() {
    }

    /** Runs {@code work} (including the commit of its transaction) as history. */
    public static <T> T run(Supplier<T> work) {
        boolean outer = ACTIVE.get();
        ACTIVE.set(true);
        try {
            return work.get();
        } finally {
            ACTIVE.set(outer);
        }
    }

    /** Whether the current thread is replaying history. */
    public static boolean active() {
        return ACTIVE.get();
    }
}
