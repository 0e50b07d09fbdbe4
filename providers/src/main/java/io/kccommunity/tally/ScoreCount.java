package io.kccommunity.tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Plurality, block vote and approval: each ballot gives one vote to each of the candidates it counts
 * for, and the most voted win. Ties are broken by lot, reproducibly: the candidate listed earlier
 * in the ballot file wins.
 */
public final class ScoreCount implements CountingMethod {

    private final String method;
    private final ToIntFunction<Election> countedPerBallot;
    /** Approval counts every candidate of an equal-ranked group; plurality counts none (an overvote). */
    private final boolean approvesGroups;

    private ScoreCount(String method, ToIntFunction<Election> countedPerBallot, boolean approvesGroups) {
        this.method = method;
        this.countedPerBallot = countedPerBallot;
        this.approvesGroups = approvesGroups;
    }

    /** First preferences; with several seats, each ballot's first {@code seats} preferences (block vote). */
    public static ScoreCount plurality() {
        return new ScoreCount("plurality", Election::seats, false);
    }

    /** Every candidate a ballot lists is approved. */
    public static ScoreCount approval() {
        return new ScoreCount("approval", e -> Integer.MAX_VALUE, true);
    }

    @Override
    public Result count(Election election) {
        int n = election.candidates().size();
        long[] votes = new long[n];
        int counted = countedPerBallot.applyAsInt(election);
        BallotBox box = election.box();
        for (int b = 0; b < box.size; b++) {
            int ranksCounted = Math.min(counted, box.ranks(b));
            for (int rank = box.rankStart[b]; rank < box.rankStart[b] + ranksCounted; rank++) {
                int from = box.choiceStart[rank];
                int to = box.choiceStart[rank + 1];
                if (to - from == 1 || approvesGroups) {
                    for (int i = from; i < to; i++) {
                        votes[box.choices[i]] += box.weight[b];
                    }
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            order.add(c);
        }
        order.sort(Comparator.comparingLong((Integer c) -> -votes[c]).thenComparingInt(c -> c));
        List<Integer> winners = order.subList(0, election.seats());
        Map<String, String> shown = new LinkedHashMap<>();
        for (int c = 0; c < n; c++) {
            shown.put(election.name(c), Long.toString(votes[c]));
        }
        List<String> names = winners.stream().map(election::name).toList();
        Round round = new Round(1, "count " + method + " votes", shown, null, names,
                order.subList(election.seats(), n).stream().map(election::name).toList());
        return new Result(method, names, List.of(round));
    }
}
