package io.kccommunity.tally;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the BLT ballot format used by OpenSTV, OpaVote and Droop: a {@code candidates seats} header,
 * optional withdrawn candidates ({@code -3 -5}), ballot lines {@code weight c1 c2 ... 0}, a {@code 0}
 * line, the quoted candidate names and the quoted title. Droop's extensions {@code [nick ...]},
 * {@code [withdrawn ...]} and an optional {@code (id)} before a ballot are understood too.
 * Withdrawn and repeated candidates are removed from ballots; ballots left empty are dropped.
 * A file is read line by line into a {@link BallotBox}, never held whole.
 */
public final class BltReader {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Iterator<String> lines;
    private int number;
    private int candidates;
    private final Map<String, Integer> nicks = new HashMap<>();
    private boolean[] withdrawn;
    private boolean anyWithdrawn;

    private BltReader(Iterator<String> lines) {
        this.lines = lines;
    }

    public static Election read(Path file) throws IOException, BltFormatException {
        return read(file, StandardCharsets.UTF_8);
    }

    /** Reads {@code file} in {@code charset}; a malformed byte sequence throws {@link java.nio.charset.MalformedInputException}. */
    static Election read(Path file, Charset charset) throws IOException, BltFormatException {
        try (BufferedReader reader = Files.newBufferedReader(file, charset)) {
            return new BltReader(reader.lines().iterator()).read();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static Election read(List<String> lines) throws BltFormatException {
        return new BltReader(lines.iterator()).read();
    }

    private String next() {
        if (!lines.hasNext()) {
            return null;
        }
        number++;
        return lines.next();
    }

    private Election read() throws BltFormatException {
        String line = next();
        while (line != null && line.isBlank()) {
            line = next();
        }
        if (line == null) {
            throw new BltFormatException(1, "empty file: expected a header 'candidates seats'");
        }
        String[] header = line.trim().split("\\s+");
        if (header.length != 2) {
            throw new BltFormatException(number, "expected a header 'candidates seats'");
        }
        candidates = integer(header[0], "number of candidates");
        int seats = integer(header[1], "number of seats");
        if (candidates < 1 || seats < 1 || seats > candidates) {
            throw new BltFormatException(number, "need at least one candidate and 1 to " + candidates + " seats");
        }
        withdrawn = new boolean[candidates];
        BallotBox box = ballots();
        List<String> strings = new ArrayList<>();
        int namesFrom = number + 1;
        for (line = next(); line != null; line = next()) {
            Matcher quoted = QUOTED.matcher(line);
            while (quoted.find()) {
                strings.add(quoted.group(1).replace("\\\"", "\""));
            }
        }
        if (strings.size() < candidates) {
            throw new BltFormatException(Math.max(namesFrom, number),
                    "expected " + candidates + " quoted candidate names after the ballots, found " + strings.size());
        }
        String title = strings.size() > candidates ? strings.get(candidates) : "";
        return new Election(title, strings.subList(0, candidates), seats, anyWithdrawn ? box.without(withdrawn) : box);
    }

    /** The lines up to the {@code 0} that ends the ballots. */
    private BallotBox ballots() throws BltFormatException {
        BallotBox.Builder box = new BallotBox.Builder();
        BallotLine ballot = new BallotLine(candidates);
        for (String line = next(); line != null; line = next()) {
            line = line.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                extension(line);
            } else if (line.startsWith("-")) {
                for (String token : line.split("\\s+")) {
                    withdraw(candidate(token.substring(1)));
                }
            } else if (line.equals("0")) {
                return box.build();
            } else {
                ballot.parse(line, number, nicks);
                if (ballot.weight > 0) {
                    for (int i = 0; i < ballot.length; i++) {
                        box.choose(ballot.ranking[i]);
                        box.endRank();
                    }
                    box.endBallot(ballot.weight);
                }
            }
        }
        throw new BltFormatException(number, "missing the '0' line that ends the ballots");
    }

    private void extension(String line) throws BltFormatException {
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
                withdraw(candidate(tokens[k]));
            }
        }
        // other extensions ([tie ...], [droop ...]) do not change the ballots
    }

    private void withdraw(int candidate) {
        withdrawn[candidate] = true;
        anyWithdrawn = true;
    }

    private int candidate(String token) throws BltFormatException {
        return BallotLine.candidate(token, number, candidates, nicks);
    }

    private int integer(String token, String what) throws BltFormatException {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new BltFormatException(number, what + " '" + token + "' is not a whole number");
        }
    }
}
