package io.kccommunity.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain vote lines of CondorcetPHP: {@code A > C = D * 18} ({@code >} lower rank,
 * {@code =} equal rank, {@code * N} the number of such votes, default 1). Candidates are numbered in
 * the order they first appear. One seat unless told otherwise.
 */
public final class CondorcetTextReader {

    private CondorcetTextReader() {
    }

    public static Election read(List<String> lines, int seats) throws BltFormatException {
        Map<String, Integer> candidates = new LinkedHashMap<>();
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            line = (hash < 0 ? line : line.substring(0, hash)).trim();
            if (line.isEmpty()) {
                continue;
            }
            long weight = 1;
            int star = line.lastIndexOf('*');
            if (star >= 0) {
                try {
                    weight = Long.parseLong(line.substring(star + 1).trim());
                } catch (NumberFormatException e) {
                    throw new BltFormatException(i + 1, "'* N' must give a whole number of votes");
                }
                line = line.substring(0, star).trim();
            }
            List<int[]> groups = new ArrayList<>();
            for (String rank : line.split(">")) {
                List<Integer> group = new ArrayList<>();
                for (String name : rank.split("=")) {
                    String trimmed = name.trim();
                    if (trimmed.isEmpty()) {
                        throw new BltFormatException(i + 1, "empty candidate name");
                    }
                    group.add(candidates.computeIfAbsent(trimmed, k -> candidates.size()));
                }
                groups.add(group.stream().mapToInt(Integer::intValue).toArray());
            }
            ballots.add(new Ballot(weight, groups.toArray(int[][]::new)));
        }
        return new Election("", new ArrayList<>(candidates.keySet()), seats, ballots);
    }
}
