package io.kccommunity.tally;

import java.util.List;
import java.util.Map;

/**
 * One step of a count: what was done, each continuing candidate's votes after it (exact decimals as
 * the method computes them), the quota or threshold in force, and who was elected or eliminated.
 */
public record Round(int number, String action, Map<String, String> votes, String quota, List<String> elected,
                    List<String> eliminated) {

    public Round {
        votes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(votes));
        elected = List.copyOf(elected);
        eliminated = List.copyOf(eliminated);
    }
}
