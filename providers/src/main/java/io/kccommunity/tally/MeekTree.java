package io.kccommunity.tally;

import java.util.Arrays;

/**
 * OpenSTV's ballot tree for Meek STV. Ballots are read with the eliminated candidates left out; a
 * node is a sequence of continuing candidates that ballots begin with, and it holds their total
 * weight. A count gives each node's candidate its keep factor's share of what reaches the node,
 * rounded down once per node as OpenSTV rounds, and passes the rest on to the node's children.
 * <p>
 * Only a hopeful candidate keeps everything, so the count goes below elected candidates only, and a
 * node's children are found the first time a count reaches it: {@code order} lists the ballots so
 * that each node's ballots are a range of it, and a node splits its range by the ballots' next
 * continuing candidate. An elimination changes the sequences, so the tree is then grown anew.
 */
final class MeekTree {

    private final BallotBox box;
    private final int candidates;
    private final boolean[] removed;
    private boolean changed = true;
    /** Ballots, those of a node forming the range {@code from[node]} to {@code to[node] - 1}. */
    private final int[] order;
    private final int[] scratch;
    /** Per ballot: where on its ranking to look for the candidate of the next node down. */
    private final int[] next;
    private int ballotsLeft;

    private int nodes;
    private int[] candidate = new int[64];
    private long[] weight = new long[64];
    private int[] from = new int[64];
    private int[] to = new int[64];
    /** Children of a node are consecutive; -1 until the node is split. */
    private int[] firstChild = new int[64];
    private int[] children = new int[64];

    MeekTree(BallotBox box, int candidates) {
        this.box = box;
        this.candidates = candidates;
        this.removed = new boolean[candidates];
        this.order = new int[box.size];
        this.scratch = new int[box.size];
        this.next = new int[box.size];
        for (int b = 0; b < box.size; b++) {
            order[b] = b;
        }
        this.ballotsLeft = box.size;
    }

    /** Leaves {@code eliminated} out of every ballot from the next count on. */
    void remove(int eliminated) {
        removed[eliminated] = true;
        changed = true;
    }

    /** Adds to {@code count} each continuing candidate's votes at the keep factors {@code kf} (scaled by {@code p}). */
    void count(long[] kf, long p, long[] count) {
        if (changed) {
            grow();
        }
        distribute(0, p, kf, p, count);
    }

    private void distribute(int node, long remainder, long[] kf, long p, long[] count) {
        if (firstChild[node] < 0) {
            split(node);
        }
        for (int child = firstChild[node]; child < firstChild[node] + children[node]; child++) {
            int c = candidate[child];
            count[c] += Fixed.mulDiv(remainder * kf[c], weight[child], p);
            long rest = remainder * (p - kf[c]) / p;
            if (rest > 0) {
                distribute(child, rest, kf, p, count);
            }
        }
    }

    /** A new root over the ballots not yet exhausted, every ballot read again from its start. */
    private void grow() {
        changed = false;
        nodes = 0;
        for (int i = 0; i < ballotsLeft; i++) {
            next[order[i]] = box.rankStart[order[i]];
        }
        int root = node(-1, 0, 0, ballotsLeft);
        split(root);
        // ballots exhausted now stay so: eliminations only remove candidates
        ballotsLeft = children[root] == 0 ? 0 : to[firstChild[root] + children[root] - 1];
    }

    /** Gives {@code node} a child per next continuing candidate of its ballots; exhausted ones go last. */
    private void split(int node) {
        int lo = from[node];
        int hi = to[node];
        int[] bucketSize = new int[candidates + 1];
        long[] bucketWeight = new long[candidates + 1];
        for (int i = lo; i < hi; i++) {
            int b = order[i];
            int c = advance(b);
            scratch[i] = c;
            bucketSize[c]++;
            bucketWeight[c] += box.weight[b];
        }
        int[] start = new int[candidates + 1];
        int at = lo;
        for (int c = 0; c <= candidates; c++) {
            start[c] = at;
            at += bucketSize[c];
        }
        int[] sorted = new int[hi - lo];
        int[] fill = start.clone();
        for (int i = lo; i < hi; i++) {
            sorted[fill[scratch[i]]++ - lo] = order[i];
        }
        System.arraycopy(sorted, 0, order, lo, hi - lo);
        firstChild[node] = nodes;
        for (int c = 0; c < candidates; c++) {
            if (bucketSize[c] > 0) {
                node(c, bucketWeight[c], start[c], start[c] + bucketSize[c]);
                children[node]++;
            }
        }
    }

    /** The ballot's next continuing candidate, moving past it; {@code candidates} when there is none. */
    private int advance(int b) {
        int end = box.rankStart[b + 1];
        int p = next[b];
        while (p < end && removed[box.choices[p]]) {
            p++;
        }
        next[b] = p + 1;
        return p < end ? box.choices[p] : candidates;
    }

    private int node(int c, long w, int lo, int hi) {
        if (nodes == candidate.length) {
            int size = nodes * 2;
            candidate = Arrays.copyOf(candidate, size);
            weight = Arrays.copyOf(weight, size);
            from = Arrays.copyOf(from, size);
            to = Arrays.copyOf(to, size);
            firstChild = Arrays.copyOf(firstChild, size);
            children = Arrays.copyOf(children, size);
        }
        candidate[nodes] = c;
        weight[nodes] = w;
        from[nodes] = lo;
        to[nodes] = hi;
        firstChild[nodes] = -1;
        children[nodes] = 0;
        return nodes++;
    }
}
