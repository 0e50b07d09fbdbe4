package io.kccommunity.tally.reference;

import io.kccommunity.tally.Ballot;
import io.kccommunity.tally.Result;
import io.kccommunity.tally.Round;
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
public final class ReferenceInstantRunoff {

    public Result count(ReferenceElection election) {
        int n = election.candidates().size();
        boolean[] out = new boolean[n];
        boolean[] exhausted = new boolean[election.ballots().size()];
        List<long[]> history = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        while (true) {
            long[] votes = new long[n];
            long continuing = 0;
            for (int b = 0; b < exhausted.length; b++) {
                Ballot ballot = election.ballots().get(b);
                int choice = exhausted[b] ? -1 : currentChoice(ballot, out);
                if (choice >= 0) {
                    votes[choice] += ballot.weight();
                    continuing += ballot.weight();
                } else {
                    exhausted[b] = true;
                }
            }
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
            rounds.add(round(election, rounds.size() + 1, votes, out, List.of(), List.of(lowest)));
        }
    }

    /**
     * The highest continuing candidate; -1 when the ballot runs out, or reaches a rank that holds two
     * or more continuing candidates (an overvote), after which it stays exhausted for good.
     */
    private static int currentChoice(Ballot ballot, boolean[] out) {
        for (int[] group : ballot.groups()) {
            int choice = -1;
            int continuing = 0;
            for (int c : group) {
                if (!out[c]) {
                    choice = c;
                    continuing++;
                }
            }
            if (continuing > 1) {
                return -1;
            }
            if (continuing == 1) {
                return choice;
            }
        }
        return -1;
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
        return ReferenceTies.breakTie(tied, history, history.size() - 2, false);
    }

    private static Round round(ReferenceElection election, int number, long[] votes, boolean[] out, List<Integer> elected,
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
