package io.kccommunity.tally;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes an election in the BLT format that {@link BltReader} and other counting programs read:
 * identical ballots merged with their weight and listed in a canonical order, so the file says
 * nothing about the order in which ballots were cast.
 */
public final class BltWriter {

    private BltWriter() {
    }

    public static String write(Election election) {
        StringBuilder blt = new StringBuilder();
        blt.append(election.candidates().size()).append(' ').append(election.seats()).append('\n');
        java.util.Map<String, Long> merged = new java.util.TreeMap<>();
        for (Ballot ballot : election.ballots()) {
            String preferences = Arrays.stream(ballot.ranking()).mapToObj(c -> Integer.toString(c + 1))
                    .collect(Collectors.joining(" "));
            merged.merge(preferences, ballot.weight(), Long::sum);
        }
        merged.forEach((preferences, weight) -> blt.append(weight).append(' ').append(preferences).append(" 0\n"));
        blt.append("0\n");
        List<String> names = new ArrayList<>(election.candidates());
        names.add(election.title());
        for (String name : names) {
            blt.append('"').append(name.replace("\"", "'")).append("\"\n");
        }
        return blt.toString();
    }
}
