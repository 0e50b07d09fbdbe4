package io.kccommunity.governance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kccommunity.support.StoredJson;
import jakarta.persistence.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The most candidates an election takes, all ranked, fit the column that stores a ballot. */
class CandidateLimitTest {

    @Test
    void aFullRankingOfTheMostCandidatesFitsTheBallotColumn() throws Exception {
        List<CandidateEntity> candidates = new ArrayList<>();
        for (int i = 0; i < Nominations.MAX_CANDIDATES; i++) {
            CandidateEntity candidate = new CandidateEntity();
            candidate.setId(UUID.randomUUID().toString());
            candidates.add(candidate);
        }
        ElectionEntity election = new ElectionEntity();
        election.setMethod("irv");
        election.setSeats(1);
        List<String> all = candidates.stream().map(CandidateEntity::getId).toList();
        String stored = StoredJson.write(new BallotRequest(all, null, null, null).canonical(election, candidates));
        int column = BallotEntity.class.getDeclaredField("content").getAnnotation(Column.class).length();
        assertTrue(stored.length() <= column, stored.length() + " characters, the column holds " + column);
    }
}
