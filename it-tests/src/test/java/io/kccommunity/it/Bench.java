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

    static String ratio(double ours, double baseline) {
        return String.format("%.2f", ours / baseline);
    }
}
