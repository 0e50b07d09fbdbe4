package io.kccommunity.tally;

/**
 * Instant-runoff's piles: each ballot lies on the pile of its highest continuing candidate, until it
 * runs out or reaches a rank that holds two or more continuing candidates (an overvote), after which
 * it stays exhausted for good. Eliminating a candidate moves only that candidate's pile: a ballot on
 * another pile keeps its choice, since no earlier rank of it can regain a continuing candidate.
 */
final class Piles {

    private final BallotBox box;
    /** Per candidate, the weight of the ballots on its pile. */
    final long[] votes;
    private final int[] top;
    private final int[] below;
    private final int[] rank;

    Piles(BallotBox box, int candidates) {
        this.box = box;
        this.votes = new long[candidates];
        this.top = new int[candidates];
        java.util.Arrays.fill(top, -1);
        this.below = new int[box.size];
        this.rank = new int[box.size];
    }

    /** Puts every ballot on the pile of its highest continuing candidate. */
    void deal(boolean[] out) {
        for (int b = 0; b < box.size; b++) {
            rank[b] = box.rankStart[b];
            place(b, out);
        }
    }

    /** Moves the pile of {@code eliminated}, now out, to the next continuing choices. */
    void redeal(int eliminated, boolean[] out) {
        int b = top[eliminated];
        top[eliminated] = -1;
        votes[eliminated] = 0;
        while (b >= 0) {
            int next = below[b];
            rank[b]++;
            place(b, out);
            b = next;
        }
    }

    private void place(int b, boolean[] out) {
        for (int r = rank[b]; r < box.rankStart[b + 1]; r++) {
            int choice = -1;
            int continuing = 0;
            for (int i = box.choiceStart[r]; i < box.choiceStart[r + 1]; i++) {
                if (!out[box.choices[i]]) {
                    choice = box.choices[i];
                    continuing++;
                }
            }
            if (continuing > 1) {
                return;
            }
            if (continuing == 1) {
                rank[b] = r;
                below[b] = top[choice];
                top[choice] = b;
                votes[choice] += box.weight[b];
                return;
            }
        }
    }
}
