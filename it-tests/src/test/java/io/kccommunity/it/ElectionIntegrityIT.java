package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What makes an election's outcome indisputable: an electorate fixed when nominations open, a ballot
 * order drawn by lot with the names frozen, a count made once and served as stored, and an admin's
 * permanent grant that certification leaves as it was.
 */
@ExtendWith(RealKeycloak.class)
class ElectionIntegrityIT {

    private final Api api = Api.forServer();
    private TestRealm realm;
    private String admin;
    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void realmWithMembers() {
        realm = TestRealm.create(api, "integrity");
        realm.enableCommunity(Map.of());
        admin = api.adminToken();
        Expect.ok(api.put(realm.adminPath("/reputation/rules"), admin,
                Map.of("builtIn", Map.of("join", 0, "daily-login", 0, "profile-complete", 0))), 200);
        for (String name : List.of("ana", "bob", "cyd", "dee", "eve", "fay")) {
            ids.put(name, realm.createUser(name));
            Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
            Expect.ok(api.updateAccount(realm.name, realm.token(name), Map.of("handle", List.of(name + ".h"))), 204);
        }
    }

    private String election(Map<String, Object> settings) {
        return Expect.ok(api.post(realm.adminPath("/elections"), admin, settings), 201).get("id").asText();
    }

    private JsonNode act(String id, String action) {
        return Expect.ok(api.post(realm.adminPath("/elections/" + id + "/" + action), admin, null), 200);
    }

    private void stand(String id, String... members) {
        for (String member : members) {
            Expect.ok(api.post(realm.path("/elections/" + id + "/candidates"), realm.token(member),
                    Map.of("handle", member + ".h")), 201);
        }
    }

    private Map<String, String> candidates(String id, String viewer) {
        Map<String, String> byHandle = new java.util.LinkedHashMap<>();
        Expect.ok(api.get(realm.path("/elections/" + id), realm.token(viewer)), 200).get("candidates")
                .forEach(c -> byHandle.put(c.get("handle").asText(), c.get("id").asText()));
        return byHandle;
    }

    @Test
    void pointsAwardedAfterNominationsOpenMakeNoVoter() {
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        Expect.ok(api.post(realm.path("/reputation/events"), realm.serviceToken(),
                ReputationIT.event(ids.get("ana"), "answer-accepted", "before")), 201);
        String id = election(Map.of("title", "Stewards", "method", "irv",
                "eligibility", Map.of("voters", Map.of("minReputation", 10))));
        JsonNode opened = act(id, "open-nominations");
        assertEquals(1, opened.get("eligibleVoters").asInt(), "only ana had the points: " + opened);
        assertEquals(6, opened.get("eligibleCandidates").asInt(), opened::toString);
        stand(id, "ana"); // standing is nominating oneself: only voters may nominate
        act(id, "open-voting");
        Expect.ok(api.post(realm.path("/reputation/events"), realm.serviceToken(),
                ReputationIT.event(ids.get("cyd"), "answer-accepted", "after")), 201);
        String bob = candidates(id, "ana").get("ana.h");

        JsonNode cyd = Expect.ok(api.get(realm.path("/elections/" + id), realm.token("cyd")), 200);
        assertFalse(cyd.at("/you/mayVote").asBoolean(true), "15 points after the electorate was fixed: " + cyd);
        Expect.error(api.put(realm.path("/elections/" + id + "/ballot"), realm.token("cyd"), Map.of("ranking", List.of(bob))),
                403, "forbidden");
        Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), realm.token("ana"), Map.of("ranking", List.of(bob))), 201);
        assertEquals(1, Expect.ok(api.get(realm.adminPath("/elections/" + id), admin), 200).get("turnout").asInt());
    }

    @Test
    void theBallotOrderIsALotPublishedWithTheResultsAndTheBallotFileAndNamesAreFrozen() {
        String id = election(Map.of("title", "Bakers' council", "method", "meek-stv", "seats", 2));
        act(id, "open-nominations");
        stand(id, "ana", "bob", "cyd", "dee", "eve");
        act(id, "open-voting");
        List<String> order = new ArrayList<>(candidates(id, "fay").keySet());
        assertEquals(new TreeSet<>(List.of("ana.h", "bob.h", "cyd.h", "dee.h", "eve.h")), new TreeSet<>(order));
        assertEquals(order, new ArrayList<>(candidates(id, "ana").keySet()), "one order for every reader");

        // a candidate renames: the ballot keeps the name it opened with
        Expect.ok(api.updateAccount(realm.name, realm.token("eve"), Map.of("handle", List.of("aaa.eve"))), 204);
        assertEquals(order, new ArrayList<>(candidates(id, "fay").keySet()), "names and order are frozen");

        Map<String, String> candidate = candidates(id, "fay");
        Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), realm.token("fay"),
                Map.of("ranking", List.of(candidate.get("eve.h"), candidate.get("ana.h")))), 201);
        act(id, "close");
        act(id, "certify");
        JsonNode results = Expect.ok(api.get(realm.path("/elections/" + id + "/results"), realm.token("fay")), 200);
        List<String> published = new ArrayList<>();
        results.get("candidateOrder").forEach(c -> published.add(c.asText()));
        assertEquals(order, published, results::toString);
        assertTrue(results.get("winners").toString().contains("eve.h"), "the winner under the frozen name: " + results);
        Api.Reply file = api.get(realm.path("/elections/" + id + "/ballots"), realm.token("fay"));
        assertEquals(200, file.status(), file::toString);
        String blt = file.body();
        List<String> lines = blt.lines().toList();
        List<String> names = lines.subList(lines.size() - 1 - order.size(), lines.size() - 1).stream()
                .map(l -> l.replace("\"", "")).toList();
        assertEquals(order, names, "the BLT file lists the candidates in the drawn order: " + blt);
    }

    @Test
    void theCountIsMadeOnceAndServedAsStored() throws Exception {
        String id = election(Map.of("title", "Treasurer", "method", "irv"));
        act(id, "open-nominations");
        stand(id, "ana", "bob");
        act(id, "open-voting");
        Map<String, String> candidate = candidates(id, "cyd");
        for (String voter : List.of("cyd", "dee", "eve")) {
            Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), realm.token(voter),
                    Map.of("ranking", List.of(candidate.get("ana.h")))), 201);
        }
        act(id, "close");
        JsonNode preview = Expect.ok(api.get(realm.adminPath("/elections/" + id + "/results"), admin), 200);
        assertTrue(preview.hasNonNull("countedAt"), "a stored count says when it was made: " + preview);
        // a recount now would carry a later countedAt: let the clock pass the stored one
        long counted = java.time.Instant.parse(preview.get("countedAt").asText()).toEpochMilli();
        while (System.currentTimeMillis() <= counted) {
            Thread.onSpinWait();
        }
        assertEquals(preview, Expect.ok(api.get(realm.adminPath("/elections/" + id + "/results"), admin), 200),
                "the second read is the stored count");
        act(id, "certify");
        JsonNode results = Expect.ok(api.get(realm.path("/elections/" + id + "/results"), realm.token("ana")), 200);
        assertEquals(preview.get("countedAt"), results.get("countedAt"), "certification used the count of the preview");
        assertEquals(3, results.get("ballots").asInt());
        assertEquals("ana.h", results.at("/winners/0").asText());
    }

    @Test
    void certificationKeepsAnAdminsPermanentGrant() {
        Expect.ok(api.put(realm.adminPath("/advocacy/members/" + ids.get("ana") + "/roles/moderator"), admin,
                Map.of("reason", "keeps the forum kind")), 200);
        String id = election(Map.of("title", "Moderator", "method", "irv", "winnerRole", "moderator", "termDays", 30));
        act(id, "open-nominations");
        stand(id, "ana");
        act(id, "open-voting");
        Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), realm.token("bob"),
                Map.of("ranking", List.of(candidates(id, "bob").get("ana.h")))), 201);
        act(id, "close");
        act(id, "certify");
        JsonNode standing = Expect.ok(api.get(realm.adminPath("/advocacy/members/" + ids.get("ana")), admin), 200);
        JsonNode moderator = standing.at("/roles/0");
        assertEquals("moderator", moderator.get("role").asText(), standing::toString);
        assertEquals("manual", moderator.get("source").asText(), "the admin's grant stays manual: " + standing);
        assertFalse(moderator.has("expiresAt"), "and permanent: " + standing);
        assertEquals("election", standing.at("/history/0/source").asText(), "the election's term is recorded: " + standing);
        assertTrue(standing.at("/history/0").has("expiresAt"), standing::toString);
    }
}
