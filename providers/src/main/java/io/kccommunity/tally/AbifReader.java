package io.kccommunity.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ABIF, the Aggregated Ballot Information Format: {@code count:A>B=C>D} lines ({@code >} a
 * lower rank, {@code =} or {@code ,} an equal one; {@code /N} ratings ignored), {@code =Token:[Full name]}
 * declarations, {@code {title: "..."}} metadata and {@code #} comments. One seat unless told otherwise.
 */
public final class AbifReader {

    private static final Pattern DECLARATION = Pattern.compile("^=([^:]+):\\s*\\[(.*)\\]\\s*$");
    private static final Pattern BALLOT = Pattern.compile("^(\\d+)\\s*:(.*)$");
    private static final Pattern TITLE = Pattern.compile("^\\{\\s*title\\s*:\\s*\"(.*)\"\\s*\\}\\s*$");

    private AbifReader() {
    }

    public static Election read(List<String> lines, int seats) throws BltFormatException {
        Map<String, Integer> tokens = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Ballot> ballots = new ArrayList<>();
        String title = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).trim();
            if (line.isEmpty()) {
                continue;
            }
            Matcher declaration = DECLARATION.matcher(line);
            Matcher ballot = BALLOT.matcher(line);
            Matcher titleLine = TITLE.matcher(line);
            if (titleLine.matches()) {
                title = titleLine.group(1);
            } else if (line.startsWith("{")) {
                continue;
            } else if (declaration.matches()) {
                candidate(declaration.group(1).trim(), declaration.group(2).trim(), tokens, names);
            } else if (ballot.matches()) {
                long weight = Long.parseLong(ballot.group(1));
                List<int[]> groups = groups(ballot.group(2), i + 1, tokens, names);
                if (weight > 0 && !groups.isEmpty()) {
                    ballots.add(new Ballot(weight, groups.toArray(int[][]::new)));
                }
            } else {
                throw new BltFormatException(i + 1, "not an ABIF ballot, declaration, metadata or comment line");
            }
        }
        if (names.size() < seats) {
            throw new BltFormatException(lines.size(), "fewer candidates than seats");
        }
        return new Election(title, names, seats, ballots);
    }

    private static List<int[]> groups(String text, int line, Map<String, Integer> tokens, List<String> names)
            throws BltFormatException {
        List<int[]> groups = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '>') {
                close(group, groups);
                i++;
            } else if (ch == '=' || ch == ',') {
                i++;
            } else {
                int end;
                String token;
                if (ch == '[') {
                    end = text.indexOf(']', i);
                    if (end < 0) {
                        throw new BltFormatException(line, "unclosed '['");
                    }
                    token = text.substring(i + 1, end);
                    end++;
                } else {
                    end = i;
                    while (end < text.length() && "<>=,/ \t".indexOf(text.charAt(end)) < 0) {
                        end++;
                    }
                    token = text.substring(i, end);
                }
                if (end < text.length() && text.charAt(end) == '/') {
                    end++;
                    while (end < text.length() && Character.isDigit(text.charAt(end))) {
                        end++;
                    }
                }
                if (token.isEmpty()) {
                    throw new BltFormatException(line, "unexpected '" + ch + "'");
                }
                int candidate = candidate(token, token, tokens, names);
                if (!group.contains(candidate) && groups.stream().noneMatch(g -> contains(g, candidate))) {
                    group.add(candidate);
                }
                i = end;
            }
        }
        close(group, groups);
        return groups;
    }

    private static int candidate(String token, String name, Map<String, Integer> tokens, List<String> names) {
        return tokens.computeIfAbsent(token, t -> {
            names.add(name);
            return names.size() - 1;
        });
    }

    private static void close(List<Integer> group, List<int[]> groups) {
        if (!group.isEmpty()) {
            groups.add(group.stream().mapToInt(Integer::intValue).toArray());
            group.clear();
        }
    }

    private static boolean contains(int[] group, int candidate) {
        for (int c : group) {
            if (c == candidate) {
                return true;
            }
        }
        return false;
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
