package org.webcare.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens in the background, polling; fails with a message when it does not happen in time. */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what);
            }
        }
        throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what);
    }
}
