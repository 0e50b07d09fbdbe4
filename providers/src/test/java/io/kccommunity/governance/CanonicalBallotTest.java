package io.kccommunity.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Unordered choices are stored in the ballot's order, so the order a voter clicked in leaves no trace. */
class CanonicalBallotTest {

    private static final List<CandidateEntity> BALLOT = List.of(candidate("c-2"), candidate("c-9"), candidate("c-1"));

    @Test
    void choicesAreStoredInBallotOrder() {
        for (String method : List.of("approval", "block")) {
            assertEquals(List.of("c-2", "c-1"), stored(method, 2, null, List.of("c-1", "c-2")), method);
            assertEquals(List.of("c-2", "c-1"), stored(method, 2, null, List.of("c-2", "c-1")), method);
        }
        assertEquals(List.of("c-9"), stored("plurality", 1, null, List.of("c-9")));
    }

    @Test
    void aRankingKeepsTheVotersOrder() {
        assertEquals(List.of("c-1", "c-9", "c-2"), stored("irv", 1, List.of("c-1", "c-9", "c-2"), null));
    }

    private static List<String> stored(String method, int seats, List<String> ranking, List<String> choices) {
        ElectionEntity election = new ElectionEntity();
        election.setMethod(method);
        election.setSeats(seats);
        return new BallotRequest(ranking, choices, null, null).canonical(election, BALLOT).choices();
    }

    private static CandidateEntity candidate(String id) {
        CandidateEntity candidate = new CandidateEntity();
        candidate.setId(id);
        return candidate;
    }
}
