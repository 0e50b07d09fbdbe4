package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Elections end to end: phases, nominations, secret ballots with receipts, the count, terms. */
@ExtendWith(RealKeycloak.class)
class ElectionsIT {

    private final Api api = Api.forServer();
    private TestRealm realm;
    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void realmWithMembers() {
        realm = TestRealm.create(api, "elections");
        realm.enableCommunity(Map.of());
        Expect.ok(api.put(realm.adminPath("/reputation/rules"), api.adminToken(),
                Map.of("builtIn", Map.of("join", 0, "daily-login", 0, "profile-complete", 0))), 200);
        for (String name : List.of("ana", "bob", "cyd", "dee", "eve")) {
            ids.put(name, realm.createUser(name));
            Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
            Expect.ok(api.updateAccount(realm.name, realm.token(name), Map.of("handle", List.of(name + ".h"))), 204);
        }
    }

    @Test
    void anElectionFromDraftToCertifiedResultsWithSecretBallotsAndATerm() throws Exception {
        String admin = api.adminToken();
        Map<String, Object> board = new HashMap<>(Map.of("title", "Board 2027", "method", "irv", "seats", 1,
                "description", Map.of("en", "Elect the chair.\nOne seat.", "pl", "Wybierz przewodnicz\u0105cego."),
                "winnerRole", "board-member", "termDays", 365));
        JsonNode created = Expect.ok(api.post(realm.adminPath("/elections"), admin, board), 201);
        String id = created.get("id").asText();
        String member = realm.path("/elections/" + id);
        assertEquals("draft", created.get("phase").asText());
        Expect.error(api.get(member, realm.token("ana")), 404, "election_not_found");
        assertEquals(0, Expect.ok(api.get(realm.path("/elections"), realm.token("ana")), 200).size(), "drafts are not listed");

        post(admin, id, "open-nominations");
        Expect.error(api.put(realm.adminPath("/elections/" + id), admin, board), 409, "election_not_draft");
        Expect.ok(api.post(member + "/candidates", realm.token("ana"), Map.of("handle", "ana.h", "statement", "I will listen.")), 201);
        Expect.ok(api.post(member + "/candidates", realm.token("ana"), Map.of("userId", ids.get("bob"))), 201);
        Expect.error(api.post(member + "/candidates", realm.token("cyd"), Map.of("userId", ids.get("bob"))), 409, "already_nominated");
        Expect.ok(api.put(member + "/candidacy", realm.token("bob"), Map.of("accept", true, "statement", "<b>Bread for all</b>")), 200);
        Expect.ok(api.post(member + "/candidates", realm.token("cyd"), Map.of("userId", ids.get("cyd"))), 201);
        Expect.ok(api.post(member + "/candidates", realm.token("dee"), Map.of("userId", ids.get("eve"))), 201);
        JsonNode declined = Expect.ok(api.put(member + "/candidacy", realm.token("eve"), Map.of("accept", false)), 200);
        assertEquals("declined", declined.at("/you/candidacy").asText());
        Expect.error(api.put(member + "/ballot", realm.token("ana"), Map.of("ranking", List.of())), 409, "invalid_phase");

        post(admin, id, "open-voting");
        JsonNode election = Expect.ok(api.get(member, realm.token("dee")), 200);
        assertEquals(3, election.get("candidates").size(), "accepted candidates only: " + election);
        JsonNode bobsCandidacy = java.util.stream.StreamSupport.stream(election.get("candidates").spliterator(), false)
                .filter(c -> "bob.h".equals(c.get("handle").asText())).findFirst().orElseThrow();
        assertEquals("<b>Bread for all</b>", bobsCandidacy.get("statement").asText());
        assertTrue(election.at("/you/mayVote").asBoolean());
        Map<String, String> candidate = new HashMap<>();
        election.get("candidates").forEach(c -> candidate.put(c.get("handle").asText(), c.get("id").asText()));

        Map<String, String> receipts = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        for (String[] ballot : new String[][] {{"ana", "ana.h", "bob.h"}, {"bob", "bob.h", "ana.h"}, {"cyd", "cyd.h", "bob.h"},
                {"dee", "bob.h", "cyd.h"}, {"eve", "ana.h", "cyd.h"}}) {
            JsonNode cast = vote(id, ballot[0], candidate.get(ballot[1]), candidate.get(ballot[2]));
            receipts.put(ballot[0], cast.get("receipt").asText());
            keys.put(ballot[0], cast.get("changeKey").asText());
        }
        assertTrue(Expect.ok(api.get(member, realm.token("eve")), 200).at("/you/voted").asBoolean());

        // a second ballot needs the change key: it then replaces the first
        Expect.error(api.put(member + "/ballot", realm.token("eve"), Map.of("ranking", List.of(candidate.get("bob.h")))), 409, "already_voted");
        Expect.error(api.put(member + "/ballot", realm.token("eve"), Map.of("ranking", List.of(candidate.get("bob.h")),
                "changeKey", keys.get("eve") + "x")), 409, "already_voted");
        JsonNode changed = Expect.ok(api.put(member + "/ballot", realm.token("eve"), Map.of("ranking",
                List.of(candidate.get("bob.h"), candidate.get("ana.h")), "changeKey", keys.get("eve"))), 200);
        assertTrue(changed.get("changed").asBoolean());
        assertEquals(receipts.get("eve"), changed.get("receipt").asText(), "the receipt stays the same");
        assertFalse(changed.has("changeKey"), "the key is given once: " + changed);
        JsonNode verified = Expect.ok(api.post(member + "/receipt", realm.token("ana"), Map.of("receipt", receipts.get("eve"))), 200);
        assertTrue(verified.get("included").asBoolean());
        assertEquals(List.of(candidate.get("bob.h"), candidate.get("ana.h")), List.of(
                verified.at("/ballot/choices/0").asText(), verified.at("/ballot/choices/1").asText()));
        Expect.error(api.post(member + "/receipt", realm.token("ana"), Map.of("receipt", "forged")), 404, "receipt_not_found");
        Expect.error(api.get(member + "/results", realm.token("ana")), 409, "not_certified");

        post(admin, id, "close");
        Expect.error(api.put(member + "/ballot", realm.token("ana"), Map.of("ranking", List.of(candidate.get("ana.h")),
                "changeKey", keys.get("ana"))), 409, "invalid_phase");
        JsonNode adminView = Expect.ok(api.get(realm.adminPath("/elections/" + id), admin), 200);
        assertEquals(5, adminView.get("turnout").asInt());
        assertFalse(adminView.toString().contains("choices") || adminView.toString().contains("receipt"),
                "nothing an admin reads holds a ballot: " + adminView);
        JsonNode count = Expect.ok(api.get(realm.adminPath("/elections/" + id + "/results"), admin), 200);
        assertEquals(List.of("bob.h"), List.of(count.at("/winners/0").asText()));

        post(admin, id, "certify");
        JsonNode results = Expect.ok(api.get(member + "/results", realm.token("cyd")), 200);
        assertEquals("bob.h", results.at("/winners/0").asText());
        assertEquals(1, results.get("winners").size());
        assertEquals(5, results.get("ballots").asInt());
        assertEquals(1, results.get("rounds").size(), "eve's changed ballot gives bob a majority at once: " + results);
        List<String> hashes = new ArrayList<>();
        results.get("receiptHashes").forEach(h -> hashes.add(h.asText()));
        receipts.values().forEach(r -> assertTrue(hashes.contains(sha256(r)), "every receipt is in the published list"));
        assertEquals(hashes.stream().sorted().toList(), hashes, "published in an order unrelated to voting");

        Api.Reply blt = api.get(member + "/ballots", realm.token("cyd"));
        assertEquals(200, blt.status(), blt::toString);
        assertTrue(blt.body().startsWith("3 1\n"), blt.body());
        assertTrue(blt.body().contains("\"bob.h\"") && blt.body().contains("\"Board 2027\""), blt.body());
        assertFalse(blt.body().contains(ids.get("ana")), "no user ids in the ballots file");

        // the published ballots, recounted by the command line, give the same winners and rounds
        JsonNode recount = recount("irv", blt.body());
        assertEquals(results.get("winners"), recount.get("winners"));
        assertEquals(results.get("rounds").size(), recount.get("rounds").size());
        for (int i = 0; i < recount.get("rounds").size(); i++) {
            assertEquals(results.at("/rounds/" + i + "/votes"), recount.at("/rounds/" + i + "/votes"), "round " + (i + 1));
            assertEquals(results.at("/rounds/" + i + "/elected"), recount.at("/rounds/" + i + "/elected"));
        }

        JsonNode bob = Api.claims(realm.token("bob"));
        assertTrue(MembershipIT.roles(bob).contains("community-board-member"), bob::toString);
        assertTrue(bob.at("/community/roles").toString().contains("board-member"));
        JsonNode held = Expect.ok(api.get(realm.path("/me"), realm.token("bob")), 200).get("roles").get(0);
        assertEquals("election", held.get("source").asText());
        long term = Instant.parse(held.get("expiresAt").asText()).toEpochMilli() - System.currentTimeMillis();
        assertTrue(term > 364L * 86_400_000 && term <= 365L * 86_400_000, held::toString);
        assertEquals(1, realm.adminEvents("COMMUNITY_ROLE").size(), "the winner's grant is an admin event");
        assertEquals(5, realm.adminEvents("COMMUNITY_ELECTION").size(), "create and four phase changes");
    }

    @Test
    void aReferendumPassesWithItsSupermajorityAndTheScheduleMovesItOnItsOwn() throws Exception {
        String admin = api.adminToken();
        long now = System.currentTimeMillis();
        JsonNode created = Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "Rye on Sundays",
                "method", "referendum", "question", "Shall the bakery open on Sundays?", "quorum", 3, "majority", "2/3",
                "votingOpensAt", Instant.ofEpochMilli(now + 2_000).toString(),
                "votingClosesAt", Instant.ofEpochMilli(now + 12_000).toString())), 201);
        String id = created.get("id").asText();
        Expect.error(api.post(realm.adminPath("/elections/" + id + "/open-nominations"), admin, null), 409, "invalid_phase");
        awaitPhase(id, "voting", 15_000);
        String member = realm.path("/elections/" + id);
        for (String[] vote : new String[][] {{"ana", "yes"}, {"bob", "yes"}, {"cyd", "no"}}) {
            Expect.ok(api.put(member + "/ballot", realm.token(vote[0]), Map.of("answer", vote[1])), 201);
        }
        Expect.error(api.put(member + "/ballot", realm.token("dee"), Map.of("answer", "maybe")), 400, "invalid_ballot");
        awaitPhase(id, "closed", 20_000);
        post(admin, id, "certify");
        JsonNode results = Expect.ok(api.get(member + "/results", realm.token("dee")), 200);
        assertEquals("Yes", results.at("/winners/0").asText(), "2 of 3 reach a 2/3 majority with the quorum of 3 met: " + results);
        assertEquals(3, results.get("ballots").asInt());
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() throws Exception {
        String admin = api.adminToken();
        List<Map<String, Object>> bad = List.of(
                Map.of("title", "x", "method", "borda"),
                Map.of("title", "x", "method", "irv", "seats", 0),
                Map.of("title", "x", "method", "plurality", "seats", 2),
                Map.of("title", "x", "method", "referendum"),
                Map.of("title", "x", "method", "irv", "question", "why?"),
                Map.of("method", "irv"),
                Map.of("title", "\uD83D\uDDF3 vote", "method", "irv"),
                Map.of("title", "x", "method", "irv", "votingOpensAt", "2030-01-02T00:00:00Z", "votingClosesAt", "2030-01-01T00:00:00Z"),
                Map.of("title", "x", "method", "irv", "votingOpensAt", "soon"),
                Map.of("title", "x", "method", "irv", "winnerRole", "king", "termDays", 10),
                Map.of("title", "x", "method", "irv", "winnerRole", "board-member"),
                Map.of("title", "x", "method", "referendum", "question", "q?", "majority", "3/2"),
                Map.of("title", "x", "method", "irv", "description", Map.of("english", "x")),
                Map.of("title", "x", "method", "irv", "eligibility", Map.of("voters", Map.of("roles", List.of("no-such-role")))));
        for (Map<String, Object> body : bad) {
            Expect.error(api.post(realm.adminPath("/elections"), admin, body), 400);
        }
        Expect.error(api.send("POST", realm.adminPath("/elections"), admin, Api.JSON_TYPE, "{\"title\": "), 400);
        Expect.error(api.post(realm.adminPath("/elections"), realm.token("ana"), Map.of("title", "x", "method", "irv")), 403);
        assertEquals(0, Expect.ok(api.get(realm.adminPath("/elections"), admin), 200).size());
        assertEquals(0, realm.adminEvents("COMMUNITY_ELECTION").size());

        // voters need 10 reputation; only ana has it
        String id = Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "Moderators", "method", "approval",
                "seats", 2, "eligibility", Map.of("voters", Map.of("minReputation", 10)))), 201).get("id").asText();
        Expect.ok(api.post(realm.adminPath("/reputation/members/" + ids.get("ana") + "/adjustments"), admin,
                Map.of("points", 20, "reason", "founder")), 201);
        post(admin, id, "open-nominations");
        String member = realm.path("/elections/" + id);
        Expect.error(api.post(member + "/candidates", realm.token("bob"), Map.of("userId", ids.get("bob"))), 403);
        Expect.error(api.post(member + "/candidates", realm.token("ana"), Map.of("userId", ids.get("ana"),
                "statement", "s".repeat(2001))), 400, "invalid_statement");
        Expect.error(api.post(member + "/candidates", realm.token("ana"), Map.of("userId", ids.get("ana"),
                "statement", "vote \uD83D\uDDF3")), 400, "invalid_statement");
        Expect.error(api.post(member + "/candidates", realm.token("ana"), Map.of("handle", "nobody.here")), 400, "invalid_nominee");
        assertEquals(0, Expect.ok(api.get(realm.adminPath("/elections/" + id), admin), 200).get("candidates").size(),
                "refused nominations leave nothing behind");
        String hostile = "<script>alert(1)</script> '; DROP TABLE COMMUNITY_BALLOT; -- \u202Eevil";
        Expect.ok(api.post(member + "/candidates", realm.token("ana"), Map.of("userId", ids.get("ana"), "statement", hostile)), 201);
        Expect.ok(api.post(member + "/candidates", realm.token("ana"), Map.of("userId", ids.get("bob"))), 201);
        assertEquals(hostile, Expect.ok(api.get(realm.adminPath("/elections/" + id), admin), 200)
                .at("/candidates/0/statement").asText(), "stored and returned as typed, as JSON text");
        Expect.error(api.post(realm.adminPath("/elections/" + id + "/close"), admin, null), 409, "invalid_phase");
        Expect.ok(api.put(member + "/candidacy", realm.token("bob"), Map.of("accept", true)), 200);
        post(admin, id, "open-voting");
        Map<String, String> candidate = new HashMap<>();
        Expect.ok(api.get(member, realm.token("ana")), 200).get("candidates")
                .forEach(c -> candidate.put(c.get("handle").asText(), c.get("id").asText()));

        String ana = realm.token("ana");
        Expect.error(api.put(member + "/ballot", ana, Map.of("ranking", List.of(candidate.get("ana.h")))), 400, "invalid_ballot");
        Expect.error(api.put(member + "/ballot", ana, Map.of("choices", List.of("no-such-candidate"))), 400, "invalid_ballot");
        Expect.error(api.put(member + "/ballot", ana, Map.of("choices", List.of(candidate.get("ana.h"), candidate.get("ana.h")))), 400, "invalid_ballot");
        Expect.error(api.put(member + "/ballot", ana, Map.of("choices", List.of())), 400, "invalid_ballot");
        Expect.error(api.send("PUT", member + "/ballot", ana, Api.JSON_TYPE, "{\"choices\": \"all\"}"), 400);
        Expect.error(api.put(member + "/ballot", realm.token("bob"), Map.of("choices", List.of(candidate.get("bob.h")))), 403);
        Expect.unauthorized(api.put(member + "/ballot", null, Map.of("choices", List.of(candidate.get("bob.h")))));
        realm.createUser("outsider");
        Expect.error(api.put(member + "/ballot", realm.token("outsider"), Map.of("choices", List.of(candidate.get("bob.h")))), 403);
        TestRealm other = TestRealm.create(api, "other-elections");
        other.enableCommunity(Map.of());
        other.createUser("stranger");
        Expect.ok(api.post(other.path("/membership"), other.token("stranger"), null), 201);
        Expect.error(api.put(other.path("/elections/" + id + "/ballot"), other.token("stranger"),
                Map.of("choices", List.of(candidate.get("bob.h")))), 404, "election_not_found");

        // the same member voting from 8 requests at once: one ballot
        List<Api.Reply> replies = parallel(8, () -> api.put(member + "/ballot", ana,
                Map.of("choices", List.of(candidate.get("ana.h"), candidate.get("bob.h")))));
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        replies.stream().filter(r -> r.status() != 201).forEach(r -> assertEquals(409, r.status(), r::toString));
        assertEquals(1, Expect.ok(api.get(realm.adminPath("/elections/" + id), admin), 200).get("turnout").asInt());
        post(admin, id, "close");
        assertEquals(1, Expect.ok(api.get(realm.adminPath("/elections/" + id + "/results"), admin), 200).get("ballots").asInt());
    }

    // --- helpers

    private void post(String admin, String id, String action) {
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/" + action), admin, null), 200);
    }

    private JsonNode vote(String id, String voter, String... ranking) {
        JsonNode cast = Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), realm.token(voter),
                Map.of("ranking", List.of(ranking))), 201);
        assertEquals(sha256(cast.get("receipt").asText()), cast.get("receiptHash").asText());
        assertFalse(cast.get("changed").asBoolean());
        return cast;
    }

    private void awaitPhase(String id, String phase, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        String current = null;
        while (System.currentTimeMillis() < deadline) {
            current = Expect.ok(api.get(realm.adminPath("/elections/" + id), api.adminToken()), 200).get("phase").asText();
            if (phase.equals(current)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the schedule did not move the election to " + phase + " (still " + current + ")");
    }

    /** Runs {@code java -jar <our jar> tally --method M --json FILE} on the ballots file, as anyone can. */
    private static JsonNode recount(String method, String blt) throws Exception {
        Path dir = Files.createTempDirectory("recount");
        Path file = Files.writeString(dir.resolve("ballots.blt"), blt);
        Path out = dir.resolve("out.json");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(javaBin, "-jar", System.getProperty("extension.jar"), "tally", "--method", method,
                "--json", file.toString()).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the recount finished");
        assertEquals(0, process.exitValue(), () -> "recount output: " + read(out));
        return Api.JSON.readTree(read(out));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Api.Reply> parallel(int threads, Callable<Api.Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : pool.invokeAll(java.util.Collections.nCopies(threads, call))) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
