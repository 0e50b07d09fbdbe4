package io.kccommunity.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Condorcet-Schulze with Debian's semantics: a ballot prefers every ranked candidate to every unranked
 * one and nothing between equal-ranked ones, defeats are measured in winning votes, and the winners are the candidates no one beats by a
 * stronger path. With several seats, winners are taken in Schulze order, one at a time. Ties by lot,
 * reproducibly: the candidate listed earlier in the ballot file wins.
 */
public final class Schulze implements CountingMethod {

    @Override
    public Result count(Election election) {
        int n = election.candidates().size();
        long[][] prefer = pairwise(election.box(), n);
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

    /**
     * {@code prefer[a][b]}: the weight of ballots ranking a above b. A ranked candidate is above every
     * candidate except those ranked as high or higher, so each ballot adds its weight to the ranked
     * one's row as a whole ({@code aboveAll}) and to {@code notAbove} for those pairs only: work per
     * ballot grows with its length, not with the number of candidates.
     */
    static long[][] pairwise(BallotBox box, int n) {
        long[] aboveAll = new long[n];
        long[][] notAbove = new long[n][n];
        int[] listed = new int[n];
        int[] rankOf = new int[n];
        int[] seenIn = new int[n];
        java.util.Arrays.fill(seenIn, -1);
        for (int b = 0; b < box.size; b++) {
            long w = box.weight[b];
            int count = 0;
            for (int rank = box.rankStart[b]; rank < box.rankStart[b + 1]; rank++) {
                for (int i = box.choiceStart[rank]; i < box.choiceStart[rank + 1]; i++) {
                    int c = box.choices[i];
                    if (seenIn[c] != b) {
                        seenIn[c] = b;
                        rankOf[c] = rank;
                        listed[count++] = c;
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                int a = listed[i];
                aboveAll[a] += w;
                long[] row = notAbove[a];
                for (int j = 0; j < count; j++) {
                    if (rankOf[listed[j]] <= rankOf[a]) {
                        row[listed[j]] += w;
                    }
                }
            }
        }
        long[][] prefer = new long[n][n];
        for (int a = 0; a < n; a++) {
            for (int c = 0; c < n; c++) {
                prefer[a][c] = a == c ? 0 : aboveAll[a] - notAbove[a][c];
            }
        }
        return prefer;
    }
}
