package io.kccommunity.tally;

import java.util.Arrays;

/**
 * {@code weight} identical ballots ranking candidates (0-based indices) from most to least preferred.
 * An approval or plurality ballot is read the same way: the candidates it names, in order.
 */
public record Ballot(long weight, int[] ranking) {

    public Ballot {
        ranking = ranking.clone();
    }

    @Override
    public int[] ranking() {
        return ranking.clone();
    }

    int first() {
        return ranking[0];
    }

    int size() {
        return ranking.length;
    }

    int at(int position) {
        return ranking[position];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ballot b && b.weight == weight && Arrays.equals(b.ranking, ranking);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(weight) + Arrays.hashCode(ranking);
    }

    @Override
    public String toString() {
        return weight + " " + Arrays.toString(ranking);
    }
}
