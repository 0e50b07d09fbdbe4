package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Measuring helpers shared by the benchmarks: medians, throughput, ratios. Checks only that requests succeed. */
final class Bench {

    private Bench() {
    }

    /** Median milliseconds of {@code samples} sequential requests (after 20 warm-up requests). */
    static double medianMillis(IntFunction<Api.Reply> request, int samples) {
        for (int i = 0; i < 20; i++) {
            request.apply(-1 - i);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            Api.Reply reply = request.apply(i);
            millis.add((System.nanoTime() - start) / 1e6);
            assertTrue(reply.status() / 100 == 2, reply::toString);
        }
        Collections.sort(millis);
        return millis.get(millis.size() / 2);
    }

    /** Requests per second of {@code requests} requests sent by {@code threads} threads; request i gets index i. */
    static double throughput(IntFunction<Api.Reply> request, int requests, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int index = i;
                calls.add(() -> request.apply(index));
            }
            long start = System.nanoTime();
            List<Future<Api.Reply>> replies = pool.invokeAll(calls);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Future<Api.Reply> reply : replies) {
                Api.Reply done = reply.get();
                assertTrue(done.status() / 100 == 2, () -> "benchmark request failed: " + done);
            }
            return requests / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * An approval election for one seat open for voting, with three runners (the members holding the
     * first three tokens, given the handles runner-0..2); returns its id.
     */
    static String openElection(Api api, TestRealm realm, String[] tokens) {
        for (int i = 0; i < 3; i++) {
            Expect.ok(api.updateAccount(realm.name, tokens[i], java.util.Map.of("handle", List.of("runner-" + i))), 204);
        }
        String id = Expect.ok(api.post(realm.adminPath("/elections"), api.adminToken(),
                java.util.Map.of("title", "Bench", "method", "approval", "seats", 1)), 201).get("id").asText();
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-nominations"), api.adminToken(), null), 200);
        for (int i = 0; i < 3; i++) {
            Expect.ok(api.post(realm.path("/elections/" + id + "/candidates"), tokens[i],
                    java.util.Map.of("handle", "runner-" + i)), 201);
        }
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-voting"), api.adminToken(), null), 200);
        return id;
    }

    static String ratio(double ours, double baseline) {
        return String.format("%.2f", ours / baseline);
    }

    private static final java.nio.file.Path RESULTS = java.nio.file.Path.of(System.getProperty("it.work", "target"),
            "benchmark-results.tsv");

    /**
     * Adds a row to this run's table ({@code target/benchmark-results.tsv}) and prints the table so
     * far: what was measured, our figure, the Keycloak baseline of the same run, and their ratio.
     */
    static synchronized void report(String measure, String ours, String baseline, String ratio) {
        try {
            java.nio.file.Files.writeString(RESULTS, String.join("\t", measure, ours, baseline, ratio) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            System.out.printf("%nBenchmarks of this run (%s, %d cores, database %s)%n", System.getProperty("os.name"),
                    Runtime.getRuntime().availableProcessors(), System.getProperty("it.db", "h2"));
            System.out.printf("  %-58s %16s %26s %7s%n", "measure", "ours", "Keycloak baseline", "ratio");
            for (String line : java.nio.file.Files.readAllLines(RESULTS)) {
                String[] cells = line.split("\t", -1);
                System.out.printf("  %-58s %16s %26s %7s%n", cells[0], cells[1], cells[2], cells[3]);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void reportRate(String measure, double ours, String baselineName, double baseline) {
        report(measure, String.format("%.1f/s", ours), String.format("%.1f/s %s", baseline, baselineName), ratio(ours, baseline));
    }
}
