package io.kccommunity.tally;

import java.util.List;

/**
 * What is counted: candidate names, seats, and the ballots, with withdrawn candidates already removed
 * from every ballot and ballots left empty dropped (they do not count towards any quota).
 */
public record Election(String title, List<String> candidates, int seats, List<Ballot> ballots) {

    public Election {
        candidates = List.copyOf(candidates);
        ballots = List.copyOf(ballots);
        if (seats < 1) {
            throw new IllegalArgumentException("seats must be at least 1");
        }
    }

    /** Total weight of the ballots. */
    public long totalWeight() {
        return ballots.stream().mapToLong(Ballot::weight).sum();
    }

    public String name(int candidate) {
        return candidates.get(candidate);
    }
}
