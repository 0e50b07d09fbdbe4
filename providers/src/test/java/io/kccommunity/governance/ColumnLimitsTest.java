package io.kccommunity.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kccommunity.support.StoredJson;
import io.kccommunity.web.CommunityError;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

/**
 * What an election or a ballot may hold is refused with a 400 before it reaches a column too short
 * for it: a value too long for its column fails the same way every time it is sent again.
 */
class ColumnLimitsTest {

    /** No check here reads the realm: an election without eligibility roles never asks it. */
    private static final RealmModel REALM = (RealmModel) Proxy.newProxyInstance(ColumnLimitsTest.class.getClassLoader(),
            new Class<?>[] {RealmModel.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void descriptionsMustFitTheirColumnTogether() {
        Map<String, String> tenLanguages = new LinkedHashMap<>();
        for (String locale : List.of("en", "es", "pl", "bg", "id", "de", "fr", "it", "pt", "nl")) {
            tenLanguages.put(locale, "d".repeat(2000));
        }
        CommunityError e = assertThrows(CommunityError.class, () -> election(tenLanguages, null).applyTo(new ElectionEntity(), REALM));
        assertEquals("invalid_description", e.getError());
        assertEquals("description must be at most 4000 characters for all its languages together, written as JSON",
                e.getErrorDescription());

        ElectionEntity stored = new ElectionEntity();
        election(Map.of("en", "d".repeat(2000), "pl", "a" + "\n".repeat(900) + "b"), null).applyTo(stored, REALM);
        assertTrue(stored.getDescription().length() <= ElectionEntity.DESCRIPTION_LENGTH, () -> stored.getDescription().length() + " characters");
        // a line break is stored as two characters
        assertThrows(CommunityError.class, () -> election(Map.of("en", "d".repeat(2000), "pl", "a" + "\n".repeat(1000) + "b"), null)
                .applyTo(new ElectionEntity(), REALM));
    }

    @Test
    void majoritiesMustFitTheirColumn() {
        CommunityError e = assertThrows(CommunityError.class, () -> election(null, "1/1000000").applyTo(new ElectionEntity(), REALM));
        assertEquals("invalid_majority", e.getError());
        ElectionEntity stored = new ElectionEntity();
        election(null, "999/1000").applyTo(stored, REALM);
        assertEquals("999/1000", stored.getMajority());
    }

    @Test
    void aBallotHoldsAtMost100ChoicesWhichFitItsColumn() {
        ElectionEntity election = new ElectionEntity();
        election.setMethod("approval");
        election.setSeats(1);
        List<CandidateEntity> candidates = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            CandidateEntity candidate = new CandidateEntity();
            candidate.setId(UUID.randomUUID().toString());
            candidates.add(candidate);
        }
        List<String> ids = candidates.stream().map(CandidateEntity::getId).toList();
        CommunityError e = assertThrows(CommunityError.class,
                () -> new BallotRequest(null, ids.subList(0, 101), null, null).canonical(election, candidates));
        assertEquals("at most 100 choices", e.getErrorDescription());
        BallotRequest full = new BallotRequest(null, ids.subList(0, 100), null, null).canonical(election, candidates);
        assertTrue(StoredJson.write(full).length() <= BallotEntity.CONTENT_LENGTH, () -> StoredJson.write(full).length() + " characters");
    }

    private static ElectionRequest election(Map<String, String> description, String majority) {
        return new ElectionRequest("Board", description, "referendum", 1, "Yes?", null, majority, null, null, null, null,
                null, null, null);
    }
}
