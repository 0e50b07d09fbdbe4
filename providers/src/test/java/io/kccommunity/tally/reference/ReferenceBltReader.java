package io.kccommunity.tally.reference;

import io.kccommunity.tally.Ballot;
import io.kccommunity.tally.BltFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the BLT ballot format used by OpenSTV, OpaVote and Droop: a {@code candidates seats} header,
 * optional withdrawn candidates ({@code -3 -5}), ballot lines {@code weight c1 c2 ... 0}, a {@code 0}
 * line, the quoted candidate names and the quoted title. Droop's extensions {@code [nick ...]},
 * {@code [withdrawn ...]} and an optional {@code (id)} before a ballot are understood too.
 * Withdrawn and repeated candidates are removed from ballots; ballots left empty are dropped.
 */
public final class ReferenceBltReader {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ReferenceBltReader() {
    }

    public static ReferenceElection read(Path file) throws IOException, BltFormatException {
        return read(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static ReferenceElection read(List<String> lines) throws BltFormatException {
        int i = nextContent(lines, 0);
        if (i >= lines.size()) {
            throw new BltFormatException(1, "empty file: expected a header 'candidates seats'");
        }
        String[] header = lines.get(i).trim().split("\\s+");
        if (header.length != 2) {
            throw new BltFormatException(i + 1, "expected a header 'candidates seats'");
        }
        int candidates = integer(header[0], i + 1, "number of candidates");
        int seats = integer(header[1], i + 1, "number of seats");
        if (candidates < 1 || seats < 1 || seats > candidates) {
            throw new BltFormatException(i + 1, "need at least one candidate and 1 to " + candidates + " seats");
        }
        Set<Integer> withdrawn = new HashSet<>();
        Map<String, Integer> nicks = new HashMap<>();
        List<Ballot> ballots = new ArrayList<>();
        boolean ended = false;
        for (i = i + 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                extension(line, i + 1, candidates, nicks, withdrawn);
            } else if (line.startsWith("-")) {
                for (String token : line.split("\\s+")) {
                    withdrawn.add(candidate(token.substring(1), i + 1, candidates, nicks));
                }
            } else if (line.equals("0")) {
                ended = true;
                break;
            } else {
                Ballot ballot = ballot(line, i + 1, candidates, nicks, withdrawn);
                if (ballot != null) {
                    ballots.add(ballot);
                }
            }
        }
        if (!ended) {
            throw new BltFormatException(lines.size(), "missing the '0' line that ends the ballots");
        }
        List<String> strings = new ArrayList<>();
        int namesFrom = i + 2;
        for (i = i + 1; i < lines.size(); i++) {
            Matcher quoted = QUOTED.matcher(lines.get(i));
            while (quoted.find()) {
                strings.add(quoted.group(1).replace("\\\"", "\""));
            }
        }
        if (strings.size() < candidates) {
            throw new BltFormatException(Math.max(namesFrom, lines.size()),
                    "expected " + candidates + " quoted candidate names after the ballots, found " + strings.size());
        }
        String title = strings.size() > candidates ? strings.get(candidates) : "";
        List<Ballot> kept = ballots.stream()
                .map(b -> without(b, withdrawn))
                .filter(b -> b.groups().length > 0)
                .toList();
        return new ReferenceElection(title, strings.subList(0, candidates), seats, kept);
    }

    private static Ballot ballot(String line, int number, int candidates, Map<String, Integer> nicks, Set<Integer> withdrawn)
            throws BltFormatException {
        String[] tokens = line.split("\\s+");
        int t = 0;
        if (tokens[0].startsWith("(")) {
            t++; // Droop's optional ballot id
        }
        if (t >= tokens.length) {
            throw new BltFormatException(number, "expected a ballot 'weight candidates... 0'");
        }
        long weight;
        try {
            weight = Long.parseLong(tokens[t]);
        } catch (NumberFormatException e) {
            throw new BltFormatException(number, "ballot weight '" + tokens[t] + "' is not a whole number");
        }
        if (weight < 0) {
            throw new BltFormatException(number, "ballot weight must not be negative");
        }
        LinkedHashSet<Integer> ranking = new LinkedHashSet<>();
        boolean terminated = false;
        for (t = t + 1; t < tokens.length; t++) {
            String token = tokens[t];
            if (token.equals("0")) {
                terminated = true;
                if (t != tokens.length - 1) {
                    throw new BltFormatException(number, "text after the '0' that ends the ballot");
                }
                break;
            }
            if (token.contains("=")) {
                throw new BltFormatException(number, "equal preferences ('=') are not supported");
            }
            if (!token.equals("-")) {
                ranking.add(candidate(token, number, candidates, nicks));
            }
        }
        if (!terminated) {
            throw new BltFormatException(number, "ballot does not end with 0");
        }
        return weight == 0 ? null : new Ballot(weight, ranking.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void extension(String line, int number, int candidates, Map<String, Integer> nicks, Set<Integer> withdrawn)
            throws BltFormatException {
        if (!line.endsWith("]")) {
            throw new BltFormatException(number, "unclosed '[' extension");
        }
        String[] tokens = line.substring(1, line.length() - 1).trim().split("\\s+");
        if (tokens[0].equals("nick")) {
            if (tokens.length - 1 != candidates) {
                throw new BltFormatException(number, "[nick] must name all " + candidates + " candidates");
            }
            for (int k = 1; k < tokens.length; k++) {
                nicks.put(tokens[k], k - 1);
            }
        } else if (tokens[0].equals("withdrawn")) {
            for (int k = 1; k < tokens.length; k++) {
                withdrawn.add(candidate(tokens[k], number, candidates, nicks));
            }
        }
        // other extensions ([tie ...], [droop ...]) do not change the ballots
    }

    private static int candidate(String token, int number, int candidates, Map<String, Integer> nicks) throws BltFormatException {
        Integer nick = nicks.get(token);
        if (nick != null) {
            return nick;
        }
        int value;
        try {
            value = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new BltFormatException(number, "'" + token + "' is not a candidate number");
        }
        if (value < 1 || value > candidates) {
            throw new BltFormatException(number, "candidate " + value + " is not between 1 and " + candidates);
        }
        return value - 1;
    }

    private static Ballot without(Ballot ballot, Set<Integer> withdrawn) {
        if (withdrawn.isEmpty()) {
            return ballot;
        }
        int[] kept = java.util.Arrays.stream(ballot.ranking()).filter(c -> !withdrawn.contains(c)).toArray();
        return new Ballot(ballot.weight(), kept);
    }

    private static int integer(String token, int line, String what) throws BltFormatException {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new BltFormatException(line, what + " '" + token + "' is not a whole number");
        }
    }

    private static int nextContent(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }
}
