package io.kccommunity.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Real elections with official results (the shared corpus, read in place): every case in BLT
 * format whose rule variant we implement must elect exactly the officially declared winners, in
 * the declared order. Cases of other variants report themselves skipped with the reason.
 * <p>
 * The corpus is required in CI (the {@code CI} environment variable set, as CI services do) and with
 * {@code -Delections.required=true}: there a method without cases fails. Elsewhere a missing corpus
 * makes each method report one skipped test with the reason.
 */
class ElectionCorpusTest {

    static final Path CORPUS = Path.of(System.getProperty("elections.dir", "../../shared/elections"));
    static final boolean REQUIRED = Boolean.getBoolean("elections.required") || isSet(System.getenv("CI"));

    @TestFactory
    Stream<DynamicTest> meekStvAsCountedByOpenStv() throws IOException {
        return each("meek-stv", "", dir -> {
            String expected = Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
            Assumptions.assumeTrue(expected.contains("OpenSTV 1.7"),
                    "rule variant is not OpenSTV 1.7's Meek (" + firstLine(expected, "METHOD") + ")");
            MeekStv.Threshold threshold = expected.contains("'fractionalThreshold', 'Whole'")
                    ? MeekStv.Threshold.WHOLE : MeekStv.Threshold.FRACTIONAL;
            Result result = new MeekStv(threshold).count(BltReader.read(ballotFile(dir)));
            assertWinners(expected, result, true);
            assertRoundsOfOpaVoteReport(dir, result);
        });
    }

    /** The winners as declared, and the stages of Droop's reference count. */
    @TestFactory
    Stream<DynamicTest> scottishStv() throws IOException {
        return each("scottish-stv", "", dir -> {
            String expected = Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
            Election election = BltReader.read(ballotFile(dir));
            Result result = new ScottishStv().count(election);
            assertWinners(expected, result, false);
            assertStagesOfDroopReport(dir, election, result);
        });
    }

    /**
     * The other methods, on every case whose ballot format the engine reads (BLT, ABIF, Debian tally
     * sheets, CondorcetPHP votes): the stated winner, and the stated counts where the case gives them.
     */
    @TestFactory
    Stream<DynamicTest> otherMethods() throws IOException {
        Map<String, CountingMethod> methods = Map.of("irv", new InstantRunoff(), "plurality", ScoreCount.plurality(),
                "approval", ScoreCount.approval(), "condorcet-schulze", new Schulze());
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, CountingMethod> method : new java.util.TreeMap<>(methods).entrySet()) {
            each(method.getKey(), method.getKey() + "/", dir -> {
                String expected = Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
                Path ballots = readableBallots(dir);
                Matcher seats = Pattern.compile("(?m)^SEATS: (\\d+)").matcher(expected);
                Election election = BallotFiles.read(ballots, seats.find() ? Integer.parseInt(seats.group(1)) : 1);
                Result result = method.getValue().count(election);
                Map<String, String> aliases = abifTokens(ballots);
                List<String> winners = statedWinners(expected);
                Assumptions.assumeFalse(winners.isEmpty(), "no stated winner in expected.txt");
                assertEquals(winners.size(), result.winners().size(), "number of winners");
                for (int w = 0; w < winners.size(); w++) {
                    assertTrue(names(winners.get(w), result.winners().get(w), aliases),
                            "winner " + (w + 1) + ": expected " + winners.get(w) + ", counted " + result.winners());
                }
                for (Map.Entry<String, String> count : statedCounts(expected).entrySet()) {
                    Map<String, String> votes = lastRound(result).votes();
                    String ours = votes.entrySet().stream().filter(v -> names(count.getKey(), v.getKey(), aliases))
                            .map(Map.Entry::getValue).findFirst().orElse("(absent)");
                    assertEquals(count.getValue(), ours.replaceAll("\\.0+$", ""), "votes of " + count.getKey());
                }
            }).forEach(tests::add);
        }
        return tests.stream();
    }

    /** The last round in which the stated counts apply: the final round of IRV, the only round otherwise. */
    static Round lastRound(Result result) {
        return result.rounds().get(result.rounds().size() - 1);
    }

    static Path readableBallots(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> readable = files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".blt") || name.endsWith(".abif") || name.endsWith("tally.txt")
                        || (name.endsWith(".condorcet.txt") && !name.contains("full-rankings"));
            }).sorted().toList();
            Assumptions.assumeFalse(readable.isEmpty(), "ballot format not read by the engine (" + dir.getFileName() + ")");
            return readable.get(0);
        }
    }

    /** "OFFICIAL WINNER: X", "EXPECTED ... WINNER: X", "winning votes ...: X" or "EXPECTED WINNERS (...): A 17, B 15". */
    static List<String> statedWinners(String expected) {
        Matcher list = Pattern.compile("(?m)^EXPECTED WINNERS \\([^)]*\\): (.+)$").matcher(expected);
        if (list.find()) {
            return Arrays.stream(list.group(1).split(",")).map(w -> w.trim().replaceAll("\\s+\\d+$", "")).toList();
        }
        Matcher variant = Pattern.compile("(?m)^\\s+Schulze, winning votes[^:]*:\\s+(\\S+)").matcher(expected);
        if (variant.find()) {
            return List.of(variant.group(1));
        }
        Matcher single = Pattern.compile("(?m)^(?:OFFICIAL|EXPECTED)(?: [A-Z]+)? WINNER: (.+?)(?: \\(| with | -|$)").matcher(expected);
        return single.find() ? List.of(single.group(1).trim()) : List.of();
    }

    /** Counts the case states for the deciding round: "EXPECTED COUNTS: A 12, B 3" or the last "R4: A 12, B 3". */
    static Map<String, String> statedCounts(String expected) {
        Map<String, String> counts = new java.util.LinkedHashMap<>();
        String line = null;
        Matcher stated = Pattern.compile("(?m)^EXPECTED (?:APPROVAL )?COUNTS: ([^;\\n]+)").matcher(expected);
        if (stated.find()) {
            line = stated.group(1);
        } else {
            Matcher rounds = Pattern.compile("(?m)^\\s+R\\d+: ([^;\\n]+?)(?:;|$)").matcher(expected);
            while (rounds.find()) {
                line = rounds.group(1);
            }
        }
        if (line != null) {
            for (String part : line.split(",")) {
                Matcher pair = Pattern.compile("^\\s*(.+?)\\s+([\\d,]+)\\s*$").matcher(part);
                if (pair.find()) {
                    counts.put(pair.group(1), pair.group(2).replace(",", ""));
                }
            }
        }
        return counts;
    }

    /**
     * A stated name ("Kiss", "Bob Kiss") names a counted candidate ("Bob Kiss (Progressive)") as a whole
     * word, or is the candidate's ABIF token ("Nash" for "Nashville, TN").
     */
    static boolean names(String stated, String counted, Map<String, String> tokens) {
        return stated.equals(tokens.get(counted))
                || Pattern.compile("(^|\\W)" + Pattern.quote(normalize(stated)) + "($|\\W)").matcher(normalize(counted)).find();
    }

    /** Full name to token, from an ABIF file's "=Token:[Full name]" lines. */
    static Map<String, String> abifTokens(Path file) throws IOException {
        Map<String, String> tokens = new java.util.HashMap<>();
        if (file.toString().endsWith(".abif")) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher declaration = Pattern.compile("^=([^:]+):\\s*\\[(.*)\\]").matcher(line.trim());
                if (declaration.find()) {
                    tokens.put(declaration.group(2).trim(), declaration.group(1).trim());
                }
            }
        }
        return tokens;
    }

    /** Every round's count of every candidate and the threshold, to the 10^-6 unit, as OpaVote published them. */
    static void assertRoundsOfOpaVoteReport(Path dir, Result result) throws IOException {
        Path report;
        try (Stream<Path> files = Files.list(dir)) {
            report = files.filter(f -> f.toString().endsWith(".opavote-report.json")).findFirst().orElse(null);
        }
        if (report == null) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile());
        List<Round> rounds = result.rounds().stream().filter(r -> !r.action().startsWith("elect remaining")).toList();
        assertEquals(json.get("rounds").size(), rounds.size(), "number of rounds");
        for (int r = 0; r < rounds.size(); r++) {
            com.fasterxml.jackson.databind.JsonNode official = json.get("rounds").get(r);
            Round ours = rounds.get(r);
            assertEquals(Fixed.format(official.get("thresh").asLong(), 6), ours.quota(), "threshold of round " + (r + 1));
            List<String> names = new ArrayList<>(ours.votes().keySet());
            for (int c = 0; c < names.size(); c++) {
                assertEquals(Fixed.format(official.get("count").get(c).asLong(), 6), ours.votes().get(names.get(c)),
                        names.get(c) + " in round " + (r + 1));
            }
        }
    }

    /**
     * Every stage of the case's Droop reference count (its first count, each surplus and each exclusion
     * transferred): each candidate's votes after it to the 10^-5 unit, the quota, whose votes moved, who
     * is elected after it. A round of ours that only elects the remaining candidates belongs to the
     * stage before it, as in Droop's report. Where Droop broke a tie by lot, ours must pick one of the
     * same tied candidates; when it picks another (our lot excludes the later-listed), the counts part
     * and the comparison ends there, leaving the winners to {@link #assertWinners}.
     */
    static void assertStagesOfDroopReport(Path dir, Election election, Result result) throws IOException {
        List<String> names = election.candidates().stream().map(ElectionCorpusTest::normalize).toList();
        DroopReport droop = DroopReport.read(Files.readString(dir.resolve("droop-reference-report.txt"), StandardCharsets.UTF_8), names);
        List<DroopReport.Stage> ours = new ArrayList<>();
        for (Round round : result.rounds()) {
            assertEquals(droop.quota(), round.quota(), "quota");
            java.util.Set<String> elected = new java.util.TreeSet<>(round.elected().stream().map(ElectionCorpusTest::normalize).toList());
            if (round.action().startsWith("elect remaining") && !ours.isEmpty()) {
                ours.get(ours.size() - 1).elected().addAll(elected);
                continue;
            }
            Map<String, String> votes = new java.util.TreeMap<>();
            round.votes().forEach((name, value) -> votes.put(normalize(name), value));
            String subject = round.action().startsWith("transfer surplus of ") ? round.action().substring(20)
                    : round.eliminated().isEmpty() ? null : round.eliminated().get(0);
            ours.add(new DroopReport.Stage(round.action(), subject == null ? null : normalize(subject), votes, elected, java.util.Set.of()));
        }
        for (int i = 0; i < Math.max(ours.size(), droop.stages().size()); i++) {
            assertTrue(i < ours.size() && i < droop.stages().size(), "number of stages: Droop " + droop.stages().size() + ", ours " + ours.size());
            DroopReport.Stage reference = droop.stages().get(i);
            DroopReport.Stage stage = ours.get(i);
            String which = "stage " + i + " (" + reference.action() + " " + reference.subject() + " / " + stage.action() + ")";
            if (!reference.lot().isEmpty() && !reference.subject().equals(stage.subject())) {
                assertTrue(reference.lot().contains(stage.subject()), "one of the candidates tied by lot in " + which);
                System.out.println("ElectionCorpusTest: " + dir.getFileName() + ": " + i + " of " + droop.stages().size()
                        + " stages compared; at a tie by lot Droop excludes " + reference.subject() + ", we exclude " + stage.subject());
                return;
            }
            assertEquals(reference.subject(), stage.subject(), "whose votes are transferred in " + which);
            assertEquals(new java.util.TreeMap<>(reference.votes()), stage.votes(), "votes after " + which);
            assertEquals(reference.elected(), stage.elected(), "elected after " + which);
        }
    }

    /**
     * One test per case of {@code method}; without cases, one test that fails where the corpus is
     * required and reports itself skipped with the reason elsewhere.
     */
    static Stream<DynamicTest> each(String method, String prefix, ThrowingConsumer<Path> check) throws IOException {
        Path dir = CORPUS.resolve(method);
        List<Path> cases = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> listed = Files.list(dir)) {
                cases = listed.filter(Files::isDirectory).sorted().toList();
            }
        }
        if (cases.isEmpty()) {
            String reason = "no " + method + " cases in the election corpus at " + CORPUS.toAbsolutePath().normalize();
            System.out.println("ElectionCorpusTest: " + reason + (REQUIRED ? "" : ", skipped"));
            return Stream.of(dynamicTest(prefix + "corpus", () -> {
                assertFalse(REQUIRED, reason + " (required in CI and with -Delections.required=true; -Delections.dir names it)");
                Assumptions.abort(reason);
            }));
        }
        return cases.stream().map(c -> dynamicTest(prefix + c.getFileName(), () -> check.accept(c)));
    }

    private static boolean isSet(String variable) {
        return variable != null && !List.of("", "false", "0").contains(variable.toLowerCase(java.util.Locale.ROOT));
    }

    /** The case's BLT file: the one named after "BALLOT FILE:", else its only .blt file. */
    static Path ballotFile(Path dir) throws IOException {
        String expected = Files.readString(dir.resolve("expected.txt"), StandardCharsets.UTF_8);
        Matcher named = Pattern.compile("BALLOT FILE: (\\S+)").matcher(expected);
        if (named.find() && Files.exists(dir.resolve(named.group(1)))) {
            return dir.resolve(named.group(1));
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> blt = files.filter(f -> f.toString().endsWith(".blt")).sorted().toList();
            Assumptions.assumeTrue(!blt.isEmpty(), "no BLT ballot file in " + dir);
            return blt.get(0);
        }
    }

    /**
     * Winners must match as the case states them: the sequence of groups elected together (order
     * within a group is an artefact of the reference software), with OpenSTV's round numbers where
     * {@code withRounds}; where a case gives only the final set, the set.
     */
    static void assertWinners(String expected, Result result, boolean withRounds) {
        List<String[]> official = officialElections(expected);
        if (official.isEmpty()) {
            List<String> set = finalSet(expected);
            Assumptions.assumeFalse(set.isEmpty(), "no winners found in expected.txt");
            assertEquals(new java.util.TreeSet<>(set), new java.util.TreeSet<>(result.winners().stream()
                    .map(ElectionCorpusTest::normalize).toList()), "winners");
            return;
        }
        assertEquals(groups(official, withRounds), groups(actualElections(result), withRounds), "winners by round");
    }

    /** [round, name] pairs in the order the case lists them. */
    static List<String[]> officialElections(String expected) {
        List<String[]> elections = new ArrayList<>();
        Matcher ordered = Pattern.compile("(?m)^\\s+\\d+\\. (.+?)(?:\\s+\\(elected as[^)]*\\))?\\s+\\[round (\\d+)\\]").matcher(
                section(expected, "WINNERS IN ELECTION ORDER"));
        while (ordered.find()) {
            elections.add(new String[] {ordered.group(2), normalize(ordered.group(1))});
        }
        Matcher rounds = Pattern.compile("(?m)^\\s+round (\\d+): (.+)$").matcher(section(expected, "ELECTION ORDER (round"));
        while (rounds.find()) {
            for (String name : rounds.group(2).split(", | \\+ |; ")) {
                elections.add(new String[] {rounds.group(1), normalize(name)});
            }
        }
        return elections;
    }

    static List<String[]> actualElections(Result result) {
        List<String[]> elections = new ArrayList<>();
        for (Round round : result.rounds()) {
            for (String name : round.elected()) {
                elections.add(new String[] {Integer.toString(round.number()), normalize(name)});
            }
        }
        return elections;
    }

    /** Consecutive elections of one round as a set, rounds in order. */
    static List<Object> groups(List<String[]> elections, boolean withRounds) {
        List<Object> groups = new ArrayList<>();
        String round = null;
        java.util.Set<String> group = null;
        for (String[] election : elections) {
            if (!election[0].equals(round)) {
                group = new java.util.TreeSet<>();
                groups.add(withRounds ? List.of(election[0], group) : group);
                round = election[0];
            }
            group.add(election[1]);
        }
        return groups;
    }

    static List<String> finalSet(String expected) {
        List<String> winners = new ArrayList<>();
        Matcher set = Pattern.compile("(?m)^WINNERS \\([^)]*\\): (.+)$").matcher(expected);
        if (set.find()) {
            String list = set.group(1);
            Arrays.stream(list.split(list.contains(";") ? ";" : ",")).map(ElectionCorpusTest::normalize).forEach(winners::add);
        }
        return winners;
    }

    static String section(String text, String heading) {
        int at = text.indexOf(heading);
        if (at < 0) {
            return "";
        }
        String rest = text.substring(at);
        int end = rest.indexOf("\n\n");
        int next = rest.indexOf("\nELIMINATION");
        int exclusion = rest.indexOf("\nEXCLUSION");
        int cut = rest.length();
        for (int candidate : new int[] {end, next, exclusion}) {
            if (candidate > 0) {
                cut = Math.min(cut, candidate);
            }
        }
        return rest.substring(0, cut);
    }

    static String normalize(String name) {
        return name.trim().replaceAll("\\s+", " ");
    }

    static String firstLine(String text, String key) {
        return text.lines().filter(l -> l.startsWith(key)).findFirst().orElse(key + ": ?");
    }
}
