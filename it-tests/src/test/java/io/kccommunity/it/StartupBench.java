package io.kccommunity.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, not a test: what the extension adds to Keycloak's start and heap. The same distribution
 * twice (copies, each with its own database), once with our JAR in providers/ and once without;
 * first start on an empty database (schema creation included), then restarts, alternating.
 */
@ExtendWith(RealKeycloak.class)
class StartupBench {

    static final int RESTARTS = 3;

    @Test
    void startTimeAndHeapWithAndWithoutTheExtension() throws Exception {
        KeycloakServer shared = RealKeycloak.server();
        Path work = shared.log().getParent();
        KeycloakServer ours = shared.separate(work.resolve("keycloak-bench-ours"), Path.of(System.getProperty("extension.jar")),
                "keycloak_community_bench_ours");
        KeycloakServer plain = shared.separate(work.resolve("keycloak-bench-plain"), null, "keycloak_community_bench_plain");
        long[] firstStart = new long[2];
        List<List<Long>> restarts = List.of(new ArrayList<>(), new ArrayList<>());
        List<List<Double>> heaps = List.of(new ArrayList<>(), new ArrayList<>());
        KeycloakServer[] servers = {ours, plain};
        for (int s = 0; s < 2; s++) {
            servers[s].start();
            firstStart[s] = servers[s].lastStartMillis();
            servers[s].stop();
        }
        for (int round = 0; round < RESTARTS; round++) {
            for (int s = 0; s < 2; s++) {
                servers[s].restart();
                restarts.get(s).add(servers[s].lastStartMillis());
                servers[s].collectGarbage();
                heaps.get(s).add(heapMegabytes(servers[s]));
                servers[s].stop();
            }
        }
        Bench.report("first start on an empty database", firstStart[0] + " ms", firstStart[1] + " ms without the JAR",
                Bench.ratio(firstStart[0], firstStart[1]));
        long oursStart = Collections.min(restarts.get(0));
        long plainStart = Collections.min(restarts.get(1));
        Bench.report("restart, best of " + RESTARTS, oursStart + " ms", plainStart + " ms without the JAR",
                Bench.ratio(oursStart, plainStart));
        double oursHeap = median(heaps.get(0));
        double plainHeap = median(heaps.get(1));
        Bench.report("heap in use after start and a full GC, median of " + RESTARTS, String.format("%.0f MB", oursHeap),
                String.format("%.0f MB without the JAR", plainHeap), Bench.ratio(oursHeap, plainHeap));
    }

    /** Heap in use as Keycloak's metrics report it (jvm_memory_used_bytes, area heap, all pools). */
    private static double heapMegabytes(KeycloakServer server) {
        Api.Reply reply = new Api(server.managementUrl()).send("GET", "/metrics", null, null, null, Map.of("Accept", "text/plain"));
        double bytes = 0;
        for (String line : reply.body().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                bytes += Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0]);
            }
        }
        return bytes / 1024 / 1024;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
