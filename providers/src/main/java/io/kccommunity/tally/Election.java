package io.kccommunity.tally;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * What is counted: candidate names, seats, and the ballots, with withdrawn candidates already removed
 * from every ballot and ballots left empty dropped (they do not count towards any quota). Identical
 * ballots are merged into one with their summed weight, which no counting method can tell apart.
 */
public final class Election {

    private final String title;
    private final List<String> candidates;
    private final int seats;
    private final BallotBox box;

    public Election(String title, List<String> candidates, int seats, List<Ballot> ballots) {
        this(title, candidates, seats, box(ballots));
    }

    Election(String title, List<String> candidates, int seats, BallotBox box) {
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be at least 1");
        }
        this.title = title;
        this.candidates = List.copyOf(candidates);
        this.seats = seats;
        this.box = box;
    }

    /** The same ballots and candidates for another number of seats. */
    public Election withSeats(int otherSeats) {
        return new Election(title, candidates, otherSeats, box);
    }

    public String title() {
        return title;
    }

    public List<String> candidates() {
        return candidates;
    }

    public int seats() {
        return seats;
    }

    /** The distinct ballots with their weights, in order of first appearance. */
    public List<Ballot> ballots() {
        return new Ballots();
    }

    /** Total weight of the ballots. */
    public long totalWeight() {
        return box.totalWeight;
    }

    public String name(int candidate) {
        return candidates.get(candidate);
    }

    BallotBox box() {
        return box;
    }

    private static BallotBox box(List<Ballot> ballots) {
        BallotBox.Builder builder = new BallotBox.Builder();
        for (Ballot ballot : ballots) {
            for (int r = 0; r < ballot.size(); r++) {
                for (int c : ballot.group(r)) {
                    builder.choose(c);
                }
                builder.endRank();
            }
            builder.endBallot(ballot.weight());
        }
        return builder.build();
    }

    private final class Ballots extends AbstractList<Ballot> implements RandomAccess {
        @Override
        public Ballot get(int index) {
            java.util.Objects.checkIndex(index, box.size);
            return box.ballot(index);
        }

        @Override
        public int size() {
            return box.size;
        }
    }
}
