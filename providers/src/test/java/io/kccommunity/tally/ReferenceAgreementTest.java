package io.kccommunity.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.kccommunity.tally.reference.ReferenceBltReader;
import io.kccommunity.tally.reference.ReferenceCounts;
import io.kccommunity.tally.reference.ReferenceElection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The engine counts exactly as the straightforward reference implementation does (the JSON of the
 * whole result: winners, every round's votes, quota, elected and eliminated, in order), on random
 * elections built to exercise ties, repeated ballots, weights, equal ranks and several seats, and on
 * every BLT file of the corpus.
 */
class ReferenceAgreementTest {

    static final List<String> RANKED = List.of("irv", "schulze", "scottish-stv", "meek-stv", "meek-stv-whole");
    static final List<String> ALL = List.of("plurality", "approval", "irv", "schulze", "scottish-stv", "meek-stv",
            "meek-stv-whole");

    @TestFactory
    Stream<DynamicTest> randomStrictElections() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int seed = 1; seed <= 150; seed++) {
            long s = seed;
            tests.add(dynamicTest("seed " + seed, () -> {
                SplittableRandom random = new SplittableRandom(s);
                int candidates = 2 + random.nextInt(9);
                List<Ballot> ballots = ballots(random, candidates, false);
                for (int seats = 1; seats <= Math.min(4, candidates); seats++) {
                    for (String method : ALL) {
                        assertAgree(method, candidates, seats, ballots, "seed " + s + ", " + seats + " seats");
                    }
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> randomElectionsWithEqualRanks() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int seed = 1; seed <= 100; seed++) {
            long s = seed;
            tests.add(dynamicTest("seed " + seed, () -> {
                SplittableRandom random = new SplittableRandom(s);
                int candidates = 2 + random.nextInt(7);
                List<Ballot> ballots = ballots(random, candidates, true);
                for (int seats = 1; seats <= Math.min(3, candidates); seats++) {
                    for (String method : List.of("plurality", "approval", "irv", "schulze")) {
                        assertAgree(method, candidates, seats, ballots, "seed " + s + ", " + seats + " seats");
                    }
                }
                if (candidates == 2) {
                    assertAgree("referendum", candidates, 1, ballots, "seed " + s);
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> corpusBallotFiles() throws IOException {
        Path corpus = ElectionCorpusTest.CORPUS;
        if (!Files.isDirectory(corpus)) {
            return Stream.empty();
        }
        List<Path> files;
        try (Stream<Path> found = Files.walk(corpus)) {
            files = found.filter(f -> f.toString().endsWith(".blt")).sorted().toList();
        }
        return files.stream().map(file -> dynamicTest(corpus.relativize(file).toString(), () -> {
            ReferenceElection reference;
            try {
                reference = ReferenceBltReader.read(file);
            } catch (BltFormatException e) {
                return; // a file the corpus keeps for another reader
            }
            Election election = BltReader.read(file);
            for (String method : RANKED) {
                assertAgree(method, election, reference, file.toString());
            }
            assertAgree("plurality", election, reference, file.toString());
        }));
    }

    static void assertAgree(String method, int candidates, int seats, List<Ballot> ballots, String what) {
        assertAgree(method, election(candidates, seats, ballots),
                new ReferenceElection("random", names(candidates), seats, unmerge(ballots)), what);
    }

    static void assertAgree(String method, Election election, ReferenceElection reference, String what) {
        String expected = ResultJson.write(ReferenceCounts.count(method, reference));
        String actual = ResultJson.write(count(method, election));
        assertEquals(expected, actual, method + " on " + what);
    }

    static Result count(String method, Election election) {
        return method.equals("meek-stv-whole") ? new MeekStv(MeekStv.Threshold.WHOLE).count(election)
                : CountingMethods.of(method, ReferenceCounts.QUORUM, ReferenceCounts.MAJORITY).count(election);
    }

    /** The reference gets a ballot of weight 2 to 5 as that many of weight 1, so merging is tested too. */
    static List<Ballot> unmerge(List<Ballot> ballots) {
        List<Ballot> single = new ArrayList<>();
        for (Ballot ballot : ballots) {
            if (ballot.weight() > 1 && ballot.weight() <= 5) {
                for (long i = 0; i < ballot.weight(); i++) {
                    single.add(new Ballot(1, ballot.groups()));
                }
            } else {
                single.add(ballot);
            }
        }
        return single;
    }

    static Election election(int candidates, int seats, List<Ballot> ballots) {
        return new Election("random", names(candidates), seats, ballots);
    }

    static List<String> names(int candidates) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            names.add(candidates == 2 ? (c == 0 ? "Yes" : "No") : "C" + (c + 1));
        }
        return names;
    }

    /** Few voters and few distinct ballots, so that ties and repeated ballots are common. */
    static List<Ballot> ballots(SplittableRandom random, int candidates, boolean equalRanks) {
        List<Ballot> distinct = new ArrayList<>();
        for (int k = 1 + random.nextInt(12); k > 0; k--) {
            int length = 1 + random.nextInt(candidates);
            List<Integer> shuffled = new ArrayList<>();
            for (int c = 0; c < candidates; c++) {
                shuffled.add(c);
            }
            java.util.Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
            List<int[]> groups = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (equalRanks && !groups.isEmpty() && random.nextInt(4) == 0) {
                    int[] last = groups.remove(groups.size() - 1);
                    int[] wider = java.util.Arrays.copyOf(last, last.length + 1);
                    wider[last.length] = shuffled.get(i);
                    groups.add(wider);
                } else {
                    groups.add(new int[] {shuffled.get(i)});
                }
            }
            distinct.add(new Ballot(1 + random.nextInt(3), groups.toArray(int[][]::new)));
        }
        List<Ballot> ballots = new ArrayList<>();
        for (int v = 5 + random.nextInt(40); v > 0; v--) {
            ballots.add(distinct.get(random.nextInt(distinct.size())));
        }
        return ballots;
    }
}
