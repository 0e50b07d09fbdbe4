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
import io.kccommunity.tally.reference.ReferenceCounts;
import io.kccommunity.tally.reference.ReferenceElection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark: counting time per method for 1,000,000 ballots (no Keycloak involved), the ballots of
 * {@link BenchBallots}. Building the election, which merges identical ballots, is timed on its own.
 * Every result must equal the reference count's (winners and every round) of the same ballots,
 * unmerged; for Meek STV, whose reference takes long, of the first {@value #MEEK_REFERENCE_BALLOTS}.
 */
class TallyBench {

    static final int BALLOTS = 1_000_000;
    static final int CANDIDATES = 20;
    static final int MEEK_REFERENCE_BALLOTS = 200_000;

    @Test
    void countingOneMillionBallots() {
        List<Ballot> ranked = ballots(CANDIDATES, 3, 6);
        List<Ballot> yesNo = ballots(2, 1, 1);
        long start = System.nanoTime();
        Election rankedElection = new Election("benchmark", names(CANDIDATES), 3, ranked);
        double buildMillis = (System.nanoTime() - start) / 1e6;
        System.out.printf("%nTally benchmark: %,d ballots, %d candidates, best of 2 runs%n", BALLOTS, CANDIDATES);
        System.out.printf("  %-24s %8.0f ms  %,d distinct ballots%n", "building the election", buildMillis,
                rankedElection.ballots().size());
        report("building the election (merging identical ballots)", buildMillis);
        Map<String, CountingMethod> methods = new LinkedHashMap<>();
        methods.put("plurality", ScoreCount.plurality());
        methods.put("block (3 seats)", ScoreCount.plurality());
        methods.put("approval", ScoreCount.approval());
        methods.put("irv", new InstantRunoff());
        methods.put("schulze", new Schulze());
        methods.put("scottish-stv (3 seats)", new ScottishStv());
        methods.put("meek-stv (3 seats)", new MeekStv(MeekStv.Threshold.FRACTIONAL));
        methods.put("referendum", new Referendum(ReferenceCounts.QUORUM, 2, 3));
        for (Map.Entry<String, CountingMethod> method : methods.entrySet()) {
            String name = method.getKey();
            boolean referendum = name.equals("referendum");
            int seats = name.contains("seats") ? 3 : 1;
            List<Ballot> ballots = referendum ? yesNo : ranked;
            Election input = referendum ? new Election("benchmark", List.of("Yes", "No"), 1, yesNo)
                    : rankedElection.withSeats(seats);
            long best = Long.MAX_VALUE;
            Result result = null;
            for (int run = 0; run < 2; run++) {
                start = System.nanoTime();
                result = method.getValue().count(input);
                best = Math.min(best, System.nanoTime() - start);
            }
            System.out.printf("  %-24s %8.0f ms  %3d rounds  winners %s%n", name, best / 1e6, result.rounds().size(),
                    result.winners());
            report(name, best / 1e6);
            String referenceName = referenceName(name);
            if (referenceName.equals("meek-stv")) {
                List<Ballot> fewer = ballots.subList(0, MEEK_REFERENCE_BALLOTS);
                result = method.getValue().count(new Election("benchmark", input.candidates(), seats, fewer));
                ballots = fewer;
            }
            assertSameCount(ReferenceCounts.count(referenceName, new ReferenceElection("benchmark", input.candidates(),
                    seats, ballots)), result, name);
        }
    }

    /** Winners, then every round in full: action, votes of every candidate, quota, elected, eliminated. */
    static void assertSameCount(Result reference, Result result, String method) {
        assertEquals(reference.winners(), result.winners(), method + ": winners");
        assertEquals(reference.rounds().size(), result.rounds().size(), method + ": number of rounds");
        for (int r = 0; r < reference.rounds().size(); r++) {
            assertEquals(reference.rounds().get(r), result.rounds().get(r), method + ": round " + (r + 1));
        }
    }

    private static String referenceName(String benchName) {
        return benchName.startsWith("block") ? "block" : benchName.replaceAll(" \\(.*\\)$", "");
    }

    private static void report(String measure, double millis) {
        Bench.report(String.format("tally %s, %,d ballots x %d candidates", measure, BALLOTS, CANDIDATES),
                String.format("%.0f ms", millis), "(no Keycloak equivalent)", "");
    }

    private static List<Ballot> ballots(int candidates, int minLength, int maxLength) {
        List<Ballot> ballots = new ArrayList<>(BALLOTS);
        for (int[] ranking : BenchBallots.rankings(BALLOTS, candidates, minLength, maxLength)) {
            ballots.add(new Ballot(1, ranking));
        }
        return ballots;
    }

    private static List<String> names(int candidates) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            names.add("Candidate " + (c + 1));
        }
        return names;
    }
}
