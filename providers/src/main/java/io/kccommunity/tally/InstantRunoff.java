package io.kccommunity.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instant-runoff (one seat): each round every ballot counts for its highest continuing candidate; a
 * candidate with more than half of the continuing votes wins, otherwise the lowest is eliminated.
 * A ballot that reaches a rank holding two continuing candidates (an overvote) is exhausted for good,
 * as in Burlington's 2009 count.
 * Ties for lowest go by the latest earlier round where the tied differ, then by lot, reproducibly:
 * the candidate listed later in the ballot file is eliminated.
 */
public final class InstantRunoff implements CountingMethod {

    @Override
    public Result count(Election election) {
        int n = election.candidates().size();
        boolean[] out = new boolean[n];
        Piles piles = new Piles(election.box(), n);
        piles.deal(out);
        List<long[]> history = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        while (true) {
            long[] votes = piles.votes.clone();
            long continuing = Arrays.stream(votes).sum();
            history.add(votes);
            int leader = -1;
            int remaining = 0;
            for (int c = 0; c < n; c++) {
                if (!out[c]) {
                    remaining++;
                    if (leader < 0 || votes[c] > votes[leader]) {
                        leader = c;
                    }
                }
            }
            if (leader >= 0 && (votes[leader] * 2 > continuing || remaining == 1)) {
                rounds.add(round(election, rounds.size() + 1, votes, out, List.of(leader), List.of()));
                return new Result("irv", List.of(election.name(leader)), rounds);
            }
            int lowest = lowest(votes, out, history);
            out[lowest] = true;
            piles.redeal(lowest, out);
            rounds.add(round(election, rounds.size() + 1, votes, out, List.of(), List.of(lowest)));
        }
    }

    private static int lowest(long[] votes, boolean[] out, List<long[]> history) {
        List<Integer> tied = new ArrayList<>();
        long min = Long.MAX_VALUE;
        for (int c = 0; c < votes.length; c++) {
            if (out[c]) {
                continue;
            }
            if (votes[c] < min) {
                min = votes[c];
                tied.clear();
            }
            if (votes[c] == min) {
                tied.add(c);
            }
        }
        return Ties.breakTie(tied, history, history.size() - 2, false);
    }

    private static Round round(Election election, int number, long[] votes, boolean[] out, List<Integer> elected,
                               List<Integer> eliminated) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (int c = 0; c < votes.length; c++) {
            if (!out[c] || eliminated.contains(c)) {
                shown.put(election.name(c), Long.toString(votes[c]));
            }
        }
        long total = Arrays.stream(votes).sum();
        return new Round(number, eliminated.isEmpty() ? "majority reached" : "eliminate lowest", shown,
                Long.toString(total / 2 + 1), elected.stream().map(election::name).toList(),
                eliminated.stream().map(election::name).toList());
    }
}
