package io.kccommunity.tally;

import java.util.Map;

/**
 * One BLT ballot line, {@code [(id)] weight c1 c2 ... 0}, parsed in place: the weight and the ranking
 * with repeated candidates removed. Reused from line to line, so reading a million ballots makes no
 * garbage; tokens that are not plain digits take the general (slower) path with the same messages.
 */
final class BallotLine {

    long weight;
    int length;
    final int[] ranking;
    private final int[] seenOnLine;
    private final int candidates;

    BallotLine(int candidates) {
        this.candidates = candidates;
        this.ranking = new int[candidates];
        this.seenOnLine = new int[candidates];
    }

    /** Parses the trimmed {@code line}, numbered {@code number} in the file. */
    void parse(String line, int number, Map<String, Integer> nicks) throws BltFormatException {
        if (nicks.isEmpty() && parsedPlain(line, number)) {
            return;
        }
        length = 0;
        int at = skipSpace(line, 0);
        int end = tokenEnd(line, at);
        if (line.charAt(at) == '(') {
            at = skipSpace(line, end); // Droop's optional ballot id
            end = tokenEnd(line, at);
        }
        if (at >= line.length()) {
            throw new BltFormatException(number, "expected a ballot 'weight candidates... 0'");
        }
        weight = digits(line, at, end, 18);
        if (weight < 0) {
            String token = line.substring(at, end);
            try {
                weight = Long.parseLong(token);
            } catch (NumberFormatException e) {
                throw new BltFormatException(number, "ballot weight '" + token + "' is not a whole number");
            }
        }
        if (weight < 0) {
            throw new BltFormatException(number, "ballot weight must not be negative");
        }
        for (at = skipSpace(line, end); at < line.length(); at = skipSpace(line, end)) {
            end = tokenEnd(line, at);
            if (end - at == 1 && line.charAt(at) == '0') {
                if (skipSpace(line, end) != line.length()) {
                    throw new BltFormatException(number, "text after the '0' that ends the ballot");
                }
                return;
            }
            int candidate = nicks.isEmpty() ? (int) digits(line, at, end, 9) : -1;
            if (candidate < 0) {
                String token = line.substring(at, end);
                if (token.contains("=")) {
                    throw new BltFormatException(number, "equal preferences ('=') are not supported");
                }
                if (token.equals("-")) {
                    continue;
                }
                candidate = candidate(token, number, candidates, nicks) + 1;
            } else if (candidate < 1 || candidate > candidates) {
                throw new BltFormatException(number, "candidate " + candidate + " is not between 1 and " + candidates);
            }
            if (seenOnLine[candidate - 1] != number) {
                seenOnLine[candidate - 1] = number;
                ranking[length++] = candidate - 1;
            }
        }
        throw new BltFormatException(number, "ballot does not end with 0");
    }

    /**
     * The common line in one pass: numbers separated by single spaces, ending with " 0", candidates in
     * range. False, with nothing decided, for anything else, which {@link #parse} then reads in full.
     */
    private boolean parsedPlain(String line, int number) {
        int end = line.length();
        long value = 0;
        int digitsInToken = 0;
        int tokens = 0;
        length = 0;
        for (int i = 0; i <= end; i++) {
            char ch = i < end ? line.charAt(i) : ' ';
            if (ch >= '0' && ch <= '9' && digitsInToken < 9) {
                value = value * 10 + (ch - '0');
                digitsInToken++;
                continue;
            }
            if (ch != ' ' || digitsInToken == 0) {
                return false;
            }
            if (tokens++ == 0) {
                weight = value;
            } else if (value == 0) {
                return digitsInToken == 1 && i == end;
            } else if (value > candidates) {
                return false;
            } else if (seenOnLine[(int) value - 1] != number) {
                seenOnLine[(int) value - 1] = number;
                ranking[length++] = (int) value - 1;
            }
            value = 0;
            digitsInToken = 0;
        }
        return false;
    }

    /** A candidate's 0-based index from its nickname or its 1-based number. */
    static int candidate(String token, int number, int candidates, Map<String, Integer> nicks) throws BltFormatException {
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

    /** The value of a token of at most {@code maxDigits} ASCII digits; -1 for any other token. */
    private static long digits(String line, int from, int to, int maxDigits) {
        if (to - from > maxDigits) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char ch = line.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    /** Whitespace as {@code \s} in the old {@code split("\\s+")}. */
    private static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == 0x0B || ch == '\f' || ch == '\r';
    }

    private static int skipSpace(String line, int from) {
        int i = from;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String line, int from) {
        int i = from;
        while (i < line.length() && !isSpace(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
