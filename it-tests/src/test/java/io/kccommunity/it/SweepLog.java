package io.kccommunity.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The timed sweep as the database shows it: its row of {@code COMMUNITY_JOB}, read every 100 ms for as
 * long as a test watches, and the sweep log ({@code COMMUNITY_SWEEP_RUN}). Column names are upper case.
 */
final class SweepLog implements AutoCloseable {

    /** The job row as it was at {@code at} (the test's clock, which on one machine is the database's). */
    record Sample(long at, Map<String, Object> job) {
        long lastRun() {
            return ((Number) job.get("LAST_RUN")).longValue();
        }

        String node() {
            return (String) job.get("NODE");
        }

        Object leaseId() {
            return job.get("LEASE_ID");
        }

        Long leaseUntil() {
            return job.get("LEASE_UNTIL") == null ? null : ((Number) job.get("LEASE_UNTIL")).longValue();
        }
    }

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean watching = true;

    private SweepLog() throws Exception {
        samples.add(read());
        reader = new Thread(() -> {
            while (watching) {
                try {
                    samples.add(read());
                    Thread.sleep(100);
                } catch (Exception e) {
                    if (watching) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }, "sweep-job-watch");
        reader.setDaemon(true);
        reader.start();
    }

    static SweepLog watch() throws Exception {
        return new SweepLog();
    }

    Sample latest() {
        return samples.get(samples.size() - 1);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The job row now. */
    static Sample read() throws Exception {
        List<Map<String, Object>> rows = entries("SELECT * FROM COMMUNITY_JOB WHERE NAME = ?", "advocacy-sweep");
        return new Sample(System.currentTimeMillis(), rows.get(0));
    }

    static List<Map<String, Object>> entries(String sql, Object... parameters) throws Exception {
        try (Connection db = ExpiredGrants.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                return ExpiredGrants.rows(result);
            }
        }
    }

    /** Every realm's log entries that started at or after {@code since}, in the order they started. */
    static List<Map<String, Object>> allSince(long since) throws Exception {
        return entries("SELECT * FROM COMMUNITY_SWEEP_RUN WHERE STARTED_AT >= ? ORDER BY STARTED_AT", since);
    }

    /** When an entry's last committed step was: its end, or where its node stopped. */
    static long end(Map<String, Object> entry) {
        Object finished = entry.get("FINISHED_AT");
        return ((Number) (finished != null ? finished : entry.get("UPDATED_AT"))).longValue();
    }

    static long started(Map<String, Object> entry) {
        return ((Number) entry.get("STARTED_AT")).longValue();
    }

    /** Entries (any realm, any node) that started before an earlier one's last committed step. */
    static List<String> overlaps(List<Map<String, Object>> entries) {
        List<String> overlaps = new ArrayList<>();
        Map<String, Object> latest = null;
        for (Map<String, Object> entry : entries) {
            if (latest != null && started(entry) < end(latest)) {
                overlaps.add(entry + " started while " + latest + " was at work");
            }
            if (latest == null || end(entry) > end(latest)) {
                latest = entry;
            }
        }
        return overlaps;
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        reader.join(5_000);
    }
}
