package io.kccommunity.tally;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A yes/no referendum: two options, named "Yes" and "No" (else the first is yes). It passes when at
 * least {@code quorum} votes were cast and the yes share reaches the required majority: more than
 * half for a simple majority (1/2), at least the fraction for any supermajority (e.g. 2/3). The
 * winner is "Yes" or "No"; the round says why.
 */
public final class Referendum implements CountingMethod {

    private final long quorum;
    private final int numerator;
    private final int denominator;

    public Referendum(long quorum, int numerator, int denominator) {
        if (quorum < 0 || numerator < 1 || denominator < 2 || numerator >= denominator) {
            throw new IllegalArgumentException("quorum must be >= 0 and the majority a fraction between 0 and 1, e.g. 1/2 or 2/3");
        }
        this.quorum = quorum;
        this.numerator = numerator;
        this.denominator = denominator;
    }

    /** Parses "2/3". */
    public static Referendum of(long quorum, String majority) {
        String[] parts = majority.split("/");
        try {
            return new Referendum(quorum, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("majority must look like 1/2 or 2/3");
        }
    }

    @Override
    public Result count(Election election) {
        if (election.candidates().size() != 2) {
            throw new IllegalArgumentException("a referendum has exactly two options, yes and no");
        }
        int yes = "no".equals(election.name(0).toLowerCase(Locale.ROOT)) ? 1 : 0;
        int no = 1 - yes;
        long[] votes = new long[2];
        BallotBox box = election.box();
        for (int b = 0; b < box.size; b++) {
            int first = box.rankStart[b];
            if (box.choiceStart[first + 1] - box.choiceStart[first] == 1) {
                votes[box.choices[box.choiceStart[first]]] += box.weight[b];
            }
        }
        long cast = votes[yes] + votes[no];
        boolean simple = 2L * numerator == denominator;
        long left = votes[yes] * denominator;
        long right = (long) numerator * cast;
        String why;
        boolean passed;
        if (cast < quorum) {
            passed = false;
            why = "rejected: " + cast + " votes cast, quorum " + quorum;
        } else {
            passed = simple ? left > right : left >= right;
            why = (passed ? "passed" : "rejected") + ": yes " + votes[yes] + " of " + cast + ", needs "
                    + (simple ? "more than" : "at least") + " " + numerator + "/" + denominator;
        }
        int outcome = passed ? yes : no;
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put(election.name(yes), Long.toString(votes[yes]));
        shown.put(election.name(no), Long.toString(votes[no]));
        Round round = new Round(1, why, shown, "quorum " + quorum + ", majority " + numerator + "/" + denominator,
                List.of(election.name(outcome)), List.of());
        return new Result("referendum", List.of(election.name(outcome)), List.of(round));
    }
}
