package io.kccommunity.tally;

import java.util.Arrays;

/**
 * {@code weight} identical ballots: groups of candidates (0-based indices) from most to least
 * preferred. A group of one is an ordinary preference; a larger group ranks its candidates equal,
 * which ranked methods treat as an overvote and approval as approving all of them.
 */
public record Ballot(long weight, int[][] groups) {

    public Ballot {
        groups = Arrays.stream(groups).map(int[]::clone).toArray(int[][]::new);
    }

    /** An ordinary ranking, one candidate per preference. */
    public Ballot(long weight, int[] ranking) {
        this(weight, Arrays.stream(ranking).mapToObj(c -> new int[] {c}).toArray(int[][]::new));
    }

    @Override
    public int[][] groups() {
        return Arrays.stream(groups).map(int[]::clone).toArray(int[][]::new);
    }

    /** The candidates in preference order (equal-ranked ones in file order). */
    public int[] ranking() {
        return Arrays.stream(groups).flatMapToInt(Arrays::stream).toArray();
    }

    /** True when no two candidates share a rank. */
    public boolean isStrict() {
        return Arrays.stream(groups).allMatch(g -> g.length == 1);
    }

    int size() {
        return groups.length;
    }

    /** The candidate at a preference that holds one candidate. */
    int at(int position) {
        return groups[position][0];
    }

    int[] group(int position) {
        return groups[position];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ballot b && b.weight == weight && Arrays.deepEquals(b.groups, groups);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(weight) + Arrays.deepHashCode(groups);
    }

    @Override
    public String toString() {
        return weight + " " + Arrays.deepToString(groups);
    }
}
