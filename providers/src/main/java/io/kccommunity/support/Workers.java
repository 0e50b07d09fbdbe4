package io.kccommunity.support;

import java.util.concurrent.atomic.AtomicBoolean;

/** Background work of ours at shutdown. */
public final class Workers {

    /** How long a stopping node lets the work in progress finish. */
    public static final long STOP_WAIT_MILLIS = 10_000;

    private Workers() {
    }

    /** Waits, for {@link #STOP_WAIT_MILLIS} at most, until {@code running} is false (the current step has finished). */
    public static void awaitIdle(AtomicBoolean running) {
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (running.get() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
