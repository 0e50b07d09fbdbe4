package io.kccommunity.tally.reference;

import io.kccommunity.tally.Ballot;
import io.kccommunity.tally.Result;
import io.kccommunity.tally.Round;
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
public final class ReferenceScoreCount {

    private final String method;
    private final ToIntFunction<ReferenceElection> countedPerBallot;
    /** Approval counts every candidate of an equal-ranked group; plurality counts none (an overvote). */
    private final boolean approvesGroups;

    private ReferenceScoreCount(String method, ToIntFunction<ReferenceElection> countedPerBallot, boolean approvesGroups) {
        this.method = method;
        this.countedPerBallot = countedPerBallot;
        this.approvesGroups = approvesGroups;
    }

    /** First preferences; with several seats, each ballot's first {@code seats} preferences (block vote). */
    public static ReferenceScoreCount plurality() {
        return new ReferenceScoreCount("plurality", ReferenceElection::seats, false);
    }

    /** Every candidate a ballot lists is approved. */
    public static ReferenceScoreCount approval() {
        return new ReferenceScoreCount("approval", e -> Integer.MAX_VALUE, true);
    }

    public Result count(ReferenceElection election) {
        int n = election.candidates().size();
        long[] votes = new long[n];
        int counted = countedPerBallot.applyAsInt(election);
        for (Ballot ballot : election.ballots()) {
            int[][] groups = ballot.groups();
            for (int i = 0; i < Math.min(counted, groups.length); i++) {
                int[] group = groups[i];
                if (group.length == 1 || approvesGroups) {
                    for (int c : group) {
                        votes[c] += ballot.weight();
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
