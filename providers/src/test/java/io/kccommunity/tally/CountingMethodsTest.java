package io.kccommunity.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small elections whose results can be checked by hand, one per method and rule. */
class CountingMethodsTest {

    static Election blt(String text) throws BltFormatException {
        return BltReader.read(text.lines().toList());
    }

    @Test
    void pluralityCountsFirstPreferencesAndBlockVoteTheFirstSeatsPreferences() throws Exception {
        Election e = blt("3 1\n4 1 2 0\n3 2 3 0\n2 3 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n");
        assertEquals(List.of("A"), ScoreCount.plurality().count(e).winners());
        Election two = new Election(e.title(), e.candidates(), 2, e.ballots());
        assertEquals(List.of("B", "C"), ScoreCount.plurality().count(two).winners(), "top-two votes: B 9, C 5, A 4");
    }

    @Test
    void approvalCountsEveryListedCandidateAndTiesGoToTheEarlierListed() throws Exception {
        Election e = blt("3 1\n1 2 3 0\n1 3 2 0\n1 1 0\n1 1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n");
        assertEquals(List.of("A"), ScoreCount.approval().count(e).winners(), "A, B and C tie at 2: A is listed first");
    }

    @Test
    void instantRunoffTransfersFromTheLowestUntilAMajority() throws Exception {
        // A 8, B 7, C 5 (C's go to B): B wins 12 to 8 in round 2
        Election e = blt("3 1\n8 1 0\n7 2 0\n5 3 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n");
        Result result = new InstantRunoff().count(e);
        assertEquals(List.of("B"), result.winners());
        assertEquals(2, result.rounds().size());
        assertEquals(List.of("C"), result.rounds().get(0).eliminated());
        assertEquals("12", result.rounds().get(1).votes().get("B"));
    }

    @Test
    void schulzeElectsTheWikipediaExampleWinner() throws Exception {
        Election e = blt("""
                5 1
                5 1 3 2 5 4 0
                5 1 4 5 3 2 0
                8 2 5 4 1 3 0
                3 3 1 2 5 4 0
                7 3 1 5 2 4 0
                2 3 2 1 4 5 0
                7 4 3 5 2 1 0
                8 5 2 1 4 3 0
                0
                "A" "B" "C" "D" "E"
                "Wikipedia 45 voters"
                """);
        assertEquals(List.of("E"), new Schulze().count(e).winners());
        Election ranking = new Election(e.title(), e.candidates(), 5, e.ballots());
        assertEquals(List.of("E", "A", "C", "B", "D"), new Schulze().count(ranking).winners());
    }

    @Test
    void schulzeRanksUnrankedCandidatesBelowRankedOnesAsDebianDoes() throws Exception {
        // 3 voters rank only B; 2 rank A then B. Unranked-below-ranked: B beats A 3 to 2.
        Election e = blt("2 1\n3 2 0\n2 1 2 0\n0\n\"A\"\n\"B\"\n\"t\"\n");
        assertEquals(List.of("B"), new Schulze().count(e).winners());
    }

    @Test
    void scottishStvElectsByQuotaAndTransfersTruncatedSurpluses() throws Exception {
        // 2 seats, 9 ballots: quota 4. A has 6: surplus 2 of 6 papers, value 0.33333 each to B
        Election e = blt("3 2\n6 1 2 0\n2 2 0\n1 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n");
        Result result = new ScottishStv().count(e);
        assertEquals(List.of("A", "B"), result.winners());
        assertEquals("4.00000", result.rounds().get(0).quota());
        assertEquals("3.99998", result.rounds().get(1).votes().get("B"), "2 + 6 x 0.33333");
    }

    @Test
    void meekStvMatchesAHandCountedFirstRound() throws Exception {
        Election e = blt("3 1\n5 1 0\n4 2 0\n3 3 2 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n");
        Result result = new MeekStv(MeekStv.Threshold.FRACTIONAL).count(e);
        assertEquals("6.000001", result.rounds().get(0).quota(), "12 / 2 + 1e-6");
        assertEquals(List.of("B"), result.winners(), "C's 3 go to B: 7 against 5");
    }

    @Test
    void referendumsNeedTheQuorumAndTheMajority() throws Exception {
        Election e = blt("2 1\n60 1 0\n30 2 0\n0\n\"Yes\"\n\"No\"\n\"Proposal\"\n");
        assertEquals(List.of("Yes"), new Referendum(0, 1, 2).count(e).winners(), "60 of 90 is more than half");
        assertEquals(List.of("Yes"), new Referendum(0, 2, 3).count(e).winners(), "60 of 90 is exactly two thirds");
        assertEquals(List.of("No"), new Referendum(0, 3, 4).count(e).winners(), "but not three quarters");
        assertEquals(List.of("No"), new Referendum(91, 1, 2).count(e).winners(), "90 votes miss a quorum of 91");
        Election tie = blt("2 1\n45 1 0\n45 2 0\n0\n\"Yes\"\n\"No\"\n\"t\"\n");
        assertEquals(List.of("No"), new Referendum(0, 1, 2).count(tie).winners(), "a tie is not a majority");
        assertThrows(IllegalArgumentException.class, () -> Referendum.of(0, "3/2"));
    }

    @Test
    void anElectionNeedsSeats() {
        assertThrows(IllegalArgumentException.class, () -> new Election("t", List.of("A"), 0, List.of()));
    }
}
