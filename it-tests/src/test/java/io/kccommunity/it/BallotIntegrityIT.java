package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a ballot is and who may change it: a receipt, which a voter may show anyone, only verifies, and the
 * change key given with the first ballot changes it; unordered choices are stored in one order; an
 * election takes no more candidates than a ballot can hold.
 */
@ExtendWith(RealKeycloak.class)
class BallotIntegrityIT {

    /** The most candidates an election takes (Nominations.MAX_CANDIDATES). */
    static final int MAX_CANDIDATES = 100;

    private final Api api = Api.forServer();
    private TestRealm realm;

    @BeforeEach
    void realmWithVoters() {
        realm = TestRealm.create(api, "integrity");
        realm.enableCommunity(Map.of());
        for (String name : List.of("ana", "bob", "cyd")) {
            realm.createUser(name);
            Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
            Expect.ok(api.updateAccount(realm.name, realm.token(name), Map.of("handle", List.of(name + ".h"))), 204);
        }
    }

    @Test
    void anotherVotersReceiptChangesNothingAndTheChangeKeyChangesTheBallot() {
        String member = votingElection("irv", "ana", "bob", "cyd");
        List<String> candidates = candidates(member);
        JsonNode ana = Expect.ok(api.put(member + "/ballot", realm.token("ana"), Map.of("ranking", candidates.subList(0, 2))), 201);
        JsonNode bob = Expect.ok(api.put(member + "/ballot", realm.token("bob"), Map.of("ranking", List.of(candidates.get(2)))), 201);
        String receipt = ana.get("receipt").asText();

        // bob learnt ana's receipt (she showed it to prove her ballot is counted): as a receipt, or as a change key
        String bobs = realm.token("bob");
        Expect.error(api.put(member + "/ballot", bobs, Map.of("ranking", List.of(candidates.get(1)), "receipt", receipt)), 400);
        Expect.error(api.put(member + "/ballot", bobs, Map.of("ranking", List.of(candidates.get(1)), "changeKey", receipt)),
                409, "already_voted");
        assertEquals(candidates.subList(0, 2), verified(member, receipt), "ana's ballot is as she cast it");
        assertEquals(List.of(candidates.get(2)), verified(member, bob.get("receipt").asText()), "bob's ballot is as he cast it");

        String key = ana.get("changeKey").asText();
        assertNotEquals(receipt, key);
        Expect.error(api.post(member + "/receipt", bobs, Map.of("receipt", key)), 404, "receipt_not_found");
        JsonNode changed = Expect.ok(api.put(member + "/ballot", realm.token("ana"), Map.of("ranking", List.of(candidates.get(1)),
                "changeKey", key)), 200);
        assertEquals(receipt, changed.get("receipt").asText());
        assertEquals(List.of(candidates.get(1)), verified(member, receipt), "ana changed her ballot with her key");
    }

    @Test
    void theSameChoicesInAnyOrderAreOneBallotAndOneLineOfTheFile() {
        String member = votingElection("approval", "ana", "bob", "cyd");
        List<String> candidates = candidates(member);
        List<String> firstTwo = candidates.subList(0, 2);
        String ana = Expect.ok(api.put(member + "/ballot", realm.token("ana"), Map.of("choices", firstTwo)), 201)
                .get("receipt").asText();
        List<String> reversed = List.of(firstTwo.get(1), firstTwo.get(0));
        String bob = Expect.ok(api.put(member + "/ballot", realm.token("bob"), Map.of("choices", reversed)), 201)
                .get("receipt").asText();
        Expect.ok(api.put(member + "/ballot", realm.token("cyd"), Map.of("choices", List.of(candidates.get(2)))), 201);
        assertEquals(firstTwo, verified(member, ana), "stored in the ballot's order");
        assertEquals(firstTwo, verified(member, bob), "stored in the ballot's order, not as clicked");

        String id = member.substring(member.lastIndexOf('/') + 1);
        advance(id, "close");
        advance(id, "certify");
        Api.Reply blt = api.get(member + "/ballots", realm.token("cyd"));
        assertEquals(200, blt.status(), blt::toString);
        List<String> lines = blt.body().lines().toList();
        List<String> names = lines.subList(lines.indexOf("0") + 1, lines.size() - 1);
        assertEquals(List.of("\"ana.h\"", "\"bob.h\"", "\"cyd.h\""), names.stream().sorted().toList(), blt::body);
        List<String> numbers = handles(member).stream().map(h -> Integer.toString(names.indexOf("\"" + h + "\"") + 1)).toList();
        assertEquals(List.of("2 " + numbers.get(0) + " " + numbers.get(1) + " 0", "1 " + numbers.get(2) + " 0"),
                lines.subList(1, lines.indexOf("0")), () -> "one line of weight 2 for ana's and bob's ballot: " + blt.body());
    }

    @Test
    void anElectionTakesAHundredCandidatesAndRefusesTheNextWithTheLimit() throws Exception {
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), Map.of("passwordPolicy", "hashIterations(1)",
                "accessTokenLifespan", 3600)), 204);
        List<String> names = new ArrayList<>(List.of("ana", "bob", "cyd"));
        int runners = MAX_CANDIDATES - names.size() + 1;
        realm.importUsers("runner", runners);
        for (int i = 0; i < runners; i++) {
            names.add("runner-" + i);
        }
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ElectionConcurrencyIT.run(4, names.size(), i -> {
            String name = names.get(i);
            tokens.put(name, realm.token(name));
            if (i >= 3) {
                Expect.ok(api.post(realm.path("/membership"), tokens.get(name), null), 201);
                Expect.ok(api.updateAccount(realm.name, tokens.get(name), Map.of("handle", List.of(name + ".h"))), 204);
            }
        });
        String admin = api.adminToken();
        String id = Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "Crowded", "method", "irv")), 201)
                .get("id").asText();
        advance(id, "open-nominations");
        String member = realm.path("/elections/" + id);
        String ana = tokens.get("ana");
        for (String name : names.subList(0, MAX_CANDIDATES)) {
            Expect.ok(api.post(member + "/candidates", ana, Map.of("handle", name + ".h")), 201);
        }
        String last = names.get(MAX_CANDIDATES) + ".h";
        JsonNode refused = Expect.error(api.post(member + "/candidates", ana, Map.of("handle", last)), 400, "too_many_candidates");
        assertTrue(refused.get("error_description").asText().contains("at most " + MAX_CANDIDATES + " candidates"), refused::toString);

        // a nominee who declines makes room, and cannot take it back once it is taken
        Expect.ok(api.put(member + "/candidacy", tokens.get("bob"), Map.of("accept", false)), 200);
        Expect.ok(api.post(member + "/candidates", ana, Map.of("handle", last)), 201);
        Expect.error(api.put(member + "/candidacy", tokens.get("bob"), Map.of("accept", true)), 400, "too_many_candidates");

        // all of them ranked: the ballot fits
        ElectionConcurrencyIT.run(4, names.size(), i -> {
            if (i >= 2) {
                Expect.ok(api.put(member + "/candidacy", tokens.get(names.get(i)), Map.of("accept", true)), 200);
            }
        });
        advance(id, "open-voting");
        List<String> everyone = candidates(member);
        assertEquals(MAX_CANDIDATES, everyone.size());
        String receipt = Expect.ok(api.put(member + "/ballot", ana, Map.of("ranking", everyone)), 201).get("receipt").asText();
        assertEquals(everyone, verified(member, receipt));
    }

    // --- helpers

    /** An election of {@code method} in which the given members stand, open for voting; its member path. */
    private String votingElection(String method, String... standing) {
        String admin = api.adminToken();
        String id = Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "Integrity " + method,
                "method", method, "seats", 1)), 201).get("id").asText();
        advance(id, "open-nominations");
        String member = realm.path("/elections/" + id);
        for (String name : standing) {
            Expect.ok(api.post(member + "/candidates", realm.token(name), Map.of("handle", name + ".h")), 201);
        }
        advance(id, "open-voting");
        return member;
    }

    /** The candidates' ids in the order members see them on the ballot. */
    private List<String> candidates(String member) {
        return listed(member, "id");
    }

    private List<String> handles(String member) {
        return listed(member, "handle");
    }

    private List<String> listed(String member, String field) {
        List<String> values = new ArrayList<>();
        Expect.ok(api.get(member, realm.token("ana")), 200).get("candidates").forEach(c -> values.add(c.get(field).asText()));
        return values;
    }

    /** The choices of the ballot with this receipt, as the server stores them. */
    private List<String> verified(String member, String receipt) {
        JsonNode verified = Expect.ok(api.post(member + "/receipt", realm.token("cyd"), Map.of("receipt", receipt)), 200);
        List<String> choices = new ArrayList<>();
        verified.at("/ballot/choices").forEach(c -> choices.add(c.asText()));
        assertFalse(choices.isEmpty(), verified::toString);
        return choices;
    }

    private void advance(String id, String action) {
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/" + action), api.adminToken(), null), 200);
    }
}
