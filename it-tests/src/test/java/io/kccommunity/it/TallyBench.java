package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kccommunity.tally.Ballot;
import io.kccommunity.tally.CountingMethod;
import io.kccommunity.tally.Election;
import io.kccommunity.tally.InstantRunoff;
import io.kccommunity.tally.MeekStv;
import io.kccommunity.tally.Referendum;
import io.kccommunity.tally.Result;
import io.kccommunity.tally.Schulze;
import io.kccommunity.tally.ScoreCount;
import io.kccommunity.tally.ScottishStv;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: counting time per method for 1,000,000 ballots (no Keycloak involved).
 * Ballots are random rankings of 3 to 6 of 20 candidates, skewed so that counts take several rounds;
 * identical rankings are not merged, so every ballot is counted on its own.
 */
class TallyBench {

    static final int BALLOTS = 1_000_000;
    static final int CANDIDATES = 20;

    @Test
    void countingOneMillionBallots() {
        Election ranked = election(3, false);
        Election yesNo = election(1, true);
        Map<String, CountingMethod> methods = new LinkedHashMap<>();
        methods.put("plurality", ScoreCount.plurality());
        methods.put("block (3 seats)", ScoreCount.plurality());
        methods.put("approval", ScoreCount.approval());
        methods.put("irv", new InstantRunoff());
        methods.put("schulze", new Schulze());
        methods.put("scottish-stv (3 seats)", new ScottishStv());
        methods.put("meek-stv (3 seats)", new MeekStv(MeekStv.Threshold.FRACTIONAL));
        methods.put("referendum", new Referendum(0, 2, 3));
        System.out.printf("%nTally benchmark: %,d ballots, %d candidates, best of 2 runs%n", BALLOTS, CANDIDATES);
        for (Map.Entry<String, CountingMethod> method : methods.entrySet()) {
            Election input = method.getKey().equals("referendum") ? yesNo
                    : method.getKey().contains("seats") ? ranked : single(ranked);
            long best = Long.MAX_VALUE;
            Result result = null;
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                result = method.getValue().count(input);
                best = Math.min(best, System.nanoTime() - start);
            }
            assertEquals(input.seats(), result.winners().size());
            System.out.printf("  %-24s %8.0f ms  %3d rounds  winners %s%n", method.getKey(), best / 1e6,
                    result.rounds().size(), result.winners());
            Bench.report(String.format("tally %s, %,d ballots x %d candidates", method.getKey(), BALLOTS, CANDIDATES),
                    String.format("%.0f ms", best / 1e6), "(no Keycloak equivalent)", "");
        }
    }

    private static Election single(Election election) {
        return new Election(election.title(), election.candidates(), 1, election.ballots());
    }

    private static Election election(int seats, boolean referendum) {
        SplittableRandom random = new SplittableRandom(2026);
        int candidates = referendum ? 2 : CANDIDATES;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            names.add(referendum ? (c == 0 ? "Yes" : "No") : "Candidate " + (c + 1));
        }
        List<Ballot> ballots = new ArrayList<>(BALLOTS);
        for (int b = 0; b < BALLOTS; b++) {
            int length = referendum ? 1 : 3 + random.nextInt(4);
            int[] ranking = new int[length];
            boolean[] used = new boolean[candidates];
            for (int i = 0; i < length; i++) {
                int c;
                do {
                    // skewed: low-numbered candidates are more popular
                    c = (int) (Math.pow(random.nextDouble(), 1.6) * candidates);
                } while (used[c]);
                used[c] = true;
                ranking[i] = c;
            }
            ballots.add(new Ballot(1, ranking));
        }
        return new Election("benchmark", names, seats, ballots);
    }
}
