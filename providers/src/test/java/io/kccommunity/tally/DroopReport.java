package io.kccommunity.tally;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A count report of Droop (jklundell/droop) read as stages: the first count, each surplus transferred
 * and each exclusion transferred, with every candidate's votes after it and who was elected after it.
 * The steps around them change no votes and are folded in: choosing the surplus or the candidate to
 * exclude, breaking ties, defeating the rest once every seat is filled, and transferring a surplus of
 * zero (a candidate at exactly the quota, which the Order does not count as a surplus).
 */
record DroopReport(String quota, List<Stage> stages) {

    /**
     * Votes by candidate name (whitespace collapsed); whose surplus or exclusion was transferred (null
     * for the first count); who was elected after it; and, where a tie was broken by lot, the tied.
     */
    record Stage(String action, String subject, Map<String, String> votes, Set<String> elected, Set<String> lot) {
    }

    private static final Pattern ACTION = Pattern.compile("^Action: (Begin Count|Surplus transferred|Transfer defeated"
            + "|Elect, transfer pending|Elect remaining candidates)(?:: (.+?))?(?: \\(([\\d.]+)\\))?$");
    private static final Pattern LOT = Pattern.compile("^Action: Break tie by lot \\([^)]*\\): \\[(.*)\\] -> ");
    private static final Pattern STATE = Pattern.compile("^\\t(?:Elected|Pending|Hopeful|Defeated|Withdrawn): +(.+) \\(([\\d.]+)\\)$");
    private static final Pattern QUOTA = Pattern.compile("(?m)^\\tQuota: ([\\d.]+)$");

    /** Reads {@code report}; {@code names} are the candidates of the ballot file, which a state line may list several of. */
    static DroopReport read(String report, List<String> names) {
        Matcher quota = QUOTA.matcher(report);
        List<Stage> stages = new ArrayList<>();
        Set<String> lot = Set.of();
        boolean reading = false; // state lines right after a stage's own action are its votes
        for (String line : report.lines().toList()) {
            Matcher action = ACTION.matcher(line);
            Matcher tie = LOT.matcher(line);
            Matcher state = STATE.matcher(line);
            if (action.find()) {
                String name = action.group(2) == null ? null : ElectionCorpusTest.normalize(action.group(2));
                boolean zero = action.group(3) != null && new BigDecimal(action.group(3)).signum() == 0;
                reading = !action.group(1).startsWith("Elect") && !zero;
                if (reading) {
                    stages.add(new Stage(action.group(1), name, new LinkedHashMap<>(), new TreeSet<>(), lot));
                    lot = Set.of();
                } else if (action.group(1).startsWith("Elect")) {
                    stages.get(stages.size() - 1).elected().add(name);
                }
            } else if (tie.find()) {
                lot = Set.copyOf(split(tie.group(1), names));
                reading = false;
            } else if (line.startsWith("Action: ")) {
                reading = false;
            } else if (reading && state.find()) {
                for (String name : split(state.group(1), names)) {
                    stages.get(stages.size() - 1).votes().put(name, state.group(2));
                }
            }
        }
        return new DroopReport(quota.find() ? quota.group(1) : null, stages);
    }

    /** "A, B, C" into names of the ballot file, which may themselves hold ", ". */
    private static List<String> split(String listed, List<String> names) {
        List<String> found = new ArrayList<>();
        String pending = null;
        for (String part : listed.split(", ")) {
            pending = pending == null ? part : pending + ", " + part;
            if (names.contains(ElectionCorpusTest.normalize(pending))) {
                found.add(ElectionCorpusTest.normalize(pending));
                pending = null;
            }
        }
        if (pending != null) {
            throw new IllegalArgumentException("no candidate named " + pending + " in " + names);
        }
        return found;
    }
}
