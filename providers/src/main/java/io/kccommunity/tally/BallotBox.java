package io.kccommunity.tally;

import java.util.Arrays;

/**
 * The ballots of an election in flat arrays, identical ballots merged into one with their summed
 * weight (in order of first appearance). Ballot {@code b} has the ranks {@code rankStart[b]} to
 * {@code rankStart[b + 1] - 1}; rank {@code r} holds the candidates {@code choices[choiceStart[r]]}
 * to {@code choices[choiceStart[r + 1] - 1]} (more than one: ranked equal). In a strict box every
 * rank holds one candidate, so {@code choices[r]} is the candidate at rank {@code r}.
 */
final class BallotBox {

    final int size;
    final long[] weight;
    final int[] rankStart;
    final int[] choiceStart;
    final int[] choices;
    final boolean strict;
    final long totalWeight;

    private BallotBox(Builder built) {
        size = built.size;
        weight = Arrays.copyOf(built.weight, size);
        rankStart = Arrays.copyOf(built.rankStart, size + 1);
        choiceStart = Arrays.copyOf(built.choiceStart, built.ranks + 1);
        choices = Arrays.copyOf(built.choices, built.choiceCount);
        strict = built.choiceCount == built.ranks;
        long total = 0;
        for (long w : weight) {
            total += w;
        }
        totalWeight = total;
    }

    int ranks(int ballot) {
        return rankStart[ballot + 1] - rankStart[ballot];
    }

    Ballot ballot(int b) {
        int[][] groups = new int[ranks(b)][];
        for (int r = 0; r < groups.length; r++) {
            int rank = rankStart[b] + r;
            groups[r] = Arrays.copyOfRange(choices, choiceStart[rank], choiceStart[rank + 1]);
        }
        return new Ballot(weight[b], groups);
    }

    /** The same ballots without {@code removed} candidates, those left empty dropped, merged again. */
    BallotBox without(boolean[] removed) {
        Builder kept = new Builder();
        for (int b = 0; b < size; b++) {
            for (int rank = rankStart[b]; rank < rankStart[b + 1]; rank++) {
                for (int i = choiceStart[rank]; i < choiceStart[rank + 1]; i++) {
                    if (!removed[choices[i]]) {
                        kept.choose(choices[i]);
                    }
                }
                kept.endRank();
            }
            kept.endBallot(weight[b]);
        }
        return kept.build();
    }

    /**
     * Collects ballots one candidate at a time ({@link #choose}, {@link #endRank}, {@link #endBallot})
     * and merges each with an identical earlier one. A rank with no candidate adds nothing, and a
     * ballot with no rank is dropped.
     */
    static final class Builder {
        private int size;
        private int ranks;
        private int choiceCount;
        private long[] weight = new long[16];
        private int[] rankStart = new int[17];
        private int[] choiceStart = new int[65];
        private int[] choices = new int[64];
        /** Open addressing: per slot, a ballot's hash (high half) and its index + 1 (low half, 0 free). */
        private long[] slots = new long[64];
        private int shift = 32 - 6;
        private int pendingHash;

        void choose(int candidate) {
            if (choiceCount == choices.length) {
                choices = Arrays.copyOf(choices, choiceCount * 2);
            }
            choices[choiceCount++] = candidate;
        }

        void endRank() {
            if (choiceCount == choiceStart[ranks]) {
                return;
            }
            if (ranks + 2 > choiceStart.length) {
                choiceStart = Arrays.copyOf(choiceStart, choiceStart.length * 2);
            }
            choiceStart[++ranks] = choiceCount;
        }

        /** Adds the ballot chosen since the last one, with this weight. */
        void endBallot(long ballotWeight) {
            endRank();
            int from = rankStart[size];
            if (ranks == from) {
                return;
            }
            int same = find(from);
            if (same >= 0) {
                weight[same] += ballotWeight;
                ranks = from;
                choiceCount = choiceStart[from];
                return;
            }
            if (size == weight.length) {
                weight = Arrays.copyOf(weight, size * 2);
                rankStart = Arrays.copyOf(rankStart, size * 2 + 1);
            }
            weight[size] = ballotWeight;
            rankStart[++size] = ranks;
            remember(size - 1);
        }

        BallotBox build() {
            return new BallotBox(this);
        }

        /** The index of an earlier ballot equal to the pending one (ranks from {@code from}), else -1. */
        private int find(int from) {
            pendingHash = hash(from, ranks);
            int mask = slots.length - 1;
            for (int slot = home(pendingHash); slots[slot] != 0; slot = (slot + 1) & mask) {
                int ballot = (int) slots[slot] - 1;
                if ((int) (slots[slot] >>> 32) == pendingHash && pendingEquals(from, ballot)) {
                    return ballot;
                }
            }
            return -1;
        }

        /** Remembers the ballot just added, whose hash {@link #find} computed. */
        private void remember(int ballot) {
            if (2 * (ballot + 1) > slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                shift--;
                for (long entry : old) {
                    if (entry != 0) {
                        place(entry);
                    }
                }
            }
            place((long) pendingHash << 32 | (ballot + 1));
        }

        private void place(long entry) {
            int mask = slots.length - 1;
            int slot = home((int) (entry >>> 32));
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry;
        }

        /** Fibonacci hashing: the high bits of the product, which depend on all bits of the hash. */
        private int home(int hash) {
            return (hash * 0x9E3779B9) >>> shift;
        }

        /** The candidates of the ranks {@code from} to {@code to - 1}, each rank closed by -1. */
        private int hash(int from, int to) {
            int h = 1;
            for (int rank = from; rank < to; rank++) {
                for (int i = choiceStart[rank]; i < choiceStart[rank + 1]; i++) {
                    h = 31 * h + choices[i];
                }
                h = 31 * h - 1;
            }
            return h;
        }

        /** True when the pending ranks (from {@code from}) equal those of {@code ballot}. */
        private boolean pendingEquals(int from, int ballot) {
            int a = rankStart[ballot];
            int length = rankStart[ballot + 1] - a;
            if (length != ranks - from) {
                return false;
            }
            for (int r = 1; r <= length; r++) {
                if (choiceStart[a + r] - choiceStart[a] != choiceStart[from + r] - choiceStart[from]) {
                    return false;
                }
            }
            return Arrays.equals(choices, choiceStart[a], choiceStart[a + length],
                    choices, choiceStart[from], choiceStart[from + length]);
        }
    }
}
