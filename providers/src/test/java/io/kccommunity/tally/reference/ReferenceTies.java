package io.kccommunity.tally.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * The published tie-break shared by the counting methods: look back through earlier rounds, latest
 * first, for one where the tied candidates' votes differ; if none, draw lots reproducibly by taking
 * the candidate listed last in the ballot file.
 */
final class ReferenceTies {

    private ReferenceTies() {
    }

    /**
     * @param tied      candidates tied now (ascending index order)
     * @param history   votes per candidate, one array per earlier round
     * @param from      the latest round of {@code history} to look at
     * @param highest   keep the highest at a differing round (else the lowest)
     */
    static int breakTie(List<Integer> tied, List<long[]> history, int from, boolean highest) {
        List<Integer> left = new ArrayList<>(tied);
        for (int round = from; round >= 0 && left.size() > 1; round--) {
            long[] then = history.get(round);
            long pick = highest ? left.stream().mapToLong(c -> then[c]).max().orElseThrow()
                    : left.stream().mapToLong(c -> then[c]).min().orElseThrow();
            left.removeIf(c -> then[c] != pick);
        }
        return left.get(left.size() - 1);
    }
}
