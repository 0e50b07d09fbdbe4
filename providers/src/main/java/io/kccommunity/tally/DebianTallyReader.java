package io.kccommunity.tally;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Debian devotee tally sheet: {@code Option N---->: Name} lines name the candidates in column
 * order, each {@code V: 21-3----  hash} line is one vote (a rank per column, {@code -} unranked;
 * equal digits rank equal). One seat.
 */
public final class DebianTallyReader {

    private static final Pattern OPTION = Pattern.compile("Option\\s+(\\d+)-*>:\\s*(.+?)\\s*$");
    private static final Pattern VOTE = Pattern.compile("^\\s*V:\\s*(\\S+)");

    private DebianTallyReader() {
    }

    public static Election read(List<String> lines) throws BltFormatException {
        List<String> names = new ArrayList<>();
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher option = OPTION.matcher(lines.get(i));
            Matcher vote = VOTE.matcher(lines.get(i));
            if (option.find()) {
                int number = Integer.parseInt(option.group(1));
                if (number != names.size() + 1) {
                    throw new BltFormatException(i + 1, "options must be numbered 1, 2, 3, ... in order");
                }
                names.add(option.group(2));
            } else if (vote.find()) {
                String ranks = vote.group(1);
                if (ranks.length() != names.size()) {
                    throw new BltFormatException(i + 1, "a vote needs one rank per option (" + names.size() + ")");
                }
                List<int[]> groups = new ArrayList<>();
                for (char rank = '1'; rank <= 'z'; rank++) {
                    List<Integer> group = new ArrayList<>();
                    for (int c = 0; c < ranks.length(); c++) {
                        if (ranks.charAt(c) == rank) {
                            group.add(c);
                        }
                    }
                    if (!group.isEmpty()) {
                        groups.add(group.stream().mapToInt(Integer::intValue).toArray());
                    }
                }
                if (!groups.isEmpty()) {
                    ballots.add(new Ballot(1, groups.toArray(int[][]::new)));
                }
            }
        }
        if (names.isEmpty()) {
            throw new BltFormatException(1, "no 'Option N--->: name' lines");
        }
        return new Election("", names, 1, ballots);
    }
}
