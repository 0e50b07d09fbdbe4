package io.kccommunity.tally.reference;

import io.kccommunity.tally.Ballot;
import io.kccommunity.tally.Result;
import io.kccommunity.tally.Round;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Condorcet-ReferenceSchulze with Debian's semantics: a ballot prefers every ranked candidate to every unranked
 * one and nothing between equal-ranked ones, defeats are measured in winning votes, and the winners are the candidates no one beats by a
 * stronger path. With several seats, winners are taken in ReferenceSchulze order, one at a time. Ties by lot,
 * reproducibly: the candidate listed earlier in the ballot file wins.
 */
public final class ReferenceSchulze {

    public Result count(ReferenceElection election) {
        int n = election.candidates().size();
        long[][] prefer = new long[n][n];
        for (Ballot ballot : election.ballots()) {
            int[] rank = new int[n];
            java.util.Arrays.fill(rank, Integer.MAX_VALUE);
            int[][] groups = ballot.groups();
            for (int i = 0; i < groups.length; i++) {
                for (int c : groups[i]) {
                    rank[c] = Math.min(rank[c], i);
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (rank[a] < rank[b]) {
                        prefer[a][b] += ballot.weight();
                    }
                }
            }
        }
        long[][] path = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                path[i][j] = i != j && prefer[i][j] > prefer[j][i] ? prefer[i][j] : 0;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j && i != k && j != k) {
                        path[i][j] = Math.max(path[i][j], Math.min(path[i][k], path[k][j]));
                    }
                }
            }
        }
        List<Integer> remaining = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            remaining.add(c);
        }
        List<String> winners = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        while (winners.size() < election.seats()) {
            int best = -1;
            for (int c : remaining) {
                boolean beaten = false;
                for (int other : remaining) {
                    beaten |= other != c && path[other][c] > path[c][other];
                }
                if (!beaten) {
                    best = c;
                    break;
                }
            }
            remaining.remove(Integer.valueOf(best));
            winners.add(election.name(best));
            Map<String, String> strengths = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                if (c != best) {
                    strengths.put(election.name(c), path[best][c] + ":" + path[c][best]);
                }
            }
            rounds.add(new Round(rounds.size() + 1, "Schulze winner (path strengths winner:other)", strengths, null,
                    List.of(election.name(best)), List.of()));
        }
        return new Result("schulze", winners, rounds);
    }
}
