package io.kccommunity.tally.reference;

import io.kccommunity.tally.Ballot;
import java.util.List;

/** The reference counts' input: every ballot as given, none merged. */
public record ReferenceElection(String title, List<String> candidates, int seats, List<Ballot> ballots) {

    public long totalWeight() {
        return ballots.stream().mapToLong(Ballot::weight).sum();
    }

    public String name(int candidate) {
        return candidates.get(candidate);
    }
}
