package io.kccommunity.tally;

import java.util.List;

/** Winners in election order (those elected in one round by descending votes), and every round. */
public record Result(String method, List<String> winners, List<Round> rounds) {

    public Result {
        winners = List.copyOf(winners);
        rounds = List.copyOf(rounds);
    }
}
