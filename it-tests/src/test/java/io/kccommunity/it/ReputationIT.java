package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reputation ledger end to end: apps award points, members and tokens see totals, levels and badges. */
@ExtendWith(RealKeycloak.class)
class ReputationIT {

    static final String API_CLIENT = "community-api";
    static final String AWARD_ROLE = "award-reputation";

    private final Api api = Api.forServer();
    private TestRealm realm;
    private String app;

    /** A realm whose built-in sources give nothing, so totals are exactly what the tests award. */
    @BeforeEach
    void realmWithAnApp() {
        realm = TestRealm.create(api, "reputation");
        realm.enableCommunity(Map.of());
        realm.grantServiceAccountRole(TestRealm.SERVICE, API_CLIENT, AWARD_ROLE);
        rules(Map.of("builtIn", Map.of("join", 0, "daily-login", 0, "profile-complete", 0),
                "levels", List.of(Map.of("name", "newcomer", "threshold", 0), Map.of("name", "member", "threshold", 20),
                        Map.of("name", "regular", "threshold", 100)),
                "badges", List.of(Map.of("id", "first-answer", "name", "First answer", "tier", "bronze",
                                "rule", Map.of("kind", "event-count", "threshold", 1, "eventType", "answer-accepted")),
                        Map.of("id", "star", "name", "Star", "tier", "gold", "rule", Map.of("kind", "manual")))));
        app = realm.serviceToken();
    }

    @Test
    void anAppAwardsPointsAndTheNextTokenCarriesTotalLevelAndBadge() {
        String ana = member("ana");
        setHandle("ana", "ana.bakes");
        JsonNode first = Expect.ok(award(event(ana, "answer-accepted", "k1")), 201);
        assertEquals(15, first.get("points").asInt());
        assertEquals(15, first.get("total").asInt());
        assertEquals(TestRealm.SERVICE, first.get("source").asText());
        assertFalse(first.get("replayed").asBoolean(true));
        Map<String, Object> byHandle = new HashMap<>(event(null, "post-upvoted", "k2"));
        byHandle.remove("userId");
        byHandle.put("handle", "ana.bakes");
        assertEquals(25, Expect.ok(award(byHandle), 201).get("total").asInt());

        JsonNode claim = Api.claims(realm.token("ana")).get("community");
        assertEquals(25, claim.get("reputation").asInt(), claim::toString);
        assertEquals("member", claim.get("level").asText(), claim::toString);
        assertEquals("[\"first-answer\"]", claim.get("badges").toString());

        JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("ana")), 200).get("reputation");
        assertEquals(25, me.get("total").asInt());
        assertEquals("member", me.get("level").asText());
        assertEquals("regular", me.at("/nextLevel/name").asText());
        assertEquals(75, me.at("/nextLevel/missing").asInt());
        assertEquals("first-answer", me.at("/badges/0/id").asText());
        assertEquals("bronze", me.at("/badges/0/tier").asText());

        // a retry with the same key is a replay: same event, same answer, nothing added
        JsonNode retried = Expect.ok(award(event(ana, "answer-accepted", "k1")), 200);
        assertEquals(first.get("id").asText(), retried.get("id").asText());
        assertEquals(15, retried.get("total").asInt());
        assertTrue(retried.get("replayed").asBoolean());
        Expect.error(award(event(ana, "post-upvoted", "k1")), 409, "idempotency_key_reused");
        assertEquals(25, total(ana));
        assertEquals(2, history(ana).size());

        // changing the levels changes the claim's level at once: it is computed from the total
        rules(Map.of("levels", List.of(Map.of("name", "newcomer", "threshold", 0), Map.of("name", "expert", "threshold", 25))));
        assertEquals("expert", Api.claims(realm.token("ana")).at("/community/level").asText());
    }

    @Test
    void theDailyCapAndTheFloorHold() {
        rules(Map.of("dailyCap", 30, "floor", 1));
        String bob = member("bob");
        assertEquals(15, Expect.ok(award(event(bob, "answer-accepted", "a")), 201).get("points").asInt());
        assertEquals(15, Expect.ok(award(event(bob, "answer-accepted", "b")), 201).get("points").asInt());
        JsonNode capped = Expect.ok(award(event(bob, "answer-accepted", "c")), 201);
        assertEquals(0, capped.get("points").asInt());
        assertEquals(15, capped.get("requestedPoints").asInt());
        assertEquals(30, capped.get("total").asInt());
        // negative points are not capped, and the floor stops the fall at 1
        for (int i = 0; i < 20; i++) {
            award(event(bob, "post-downvoted", "down-" + i));
        }
        assertEquals(1, total(bob));
        JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("bob")), 200).get("reputation");
        assertEquals(30, me.get("pointsToday").asInt());
        assertEquals(30, me.get("dailyCap").asInt());
    }

    @Test
    void anAdjustmentIsNotCappedAndLeavesTheDailyCapToTheApps() {
        rules(Map.of("dailyCap", 10));
        String kim = member("kim");
        String admin = api.adminToken();
        JsonNode adjusted = Expect.ok(api.post(realm.adminPath("/reputation/members/" + kim + "/adjustments"), admin,
                Map.of("points", 50, "reason", "conference talk")), 201);
        assertEquals(50, adjusted.get("points").asInt(), "an adjustment is not capped");
        JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("kim")), 200).get("reputation");
        assertEquals(50, me.get("total").asInt());
        assertEquals(0, me.get("pointsToday").asInt(), "today's points count only capped sources");
        // the app still gets the full cap today
        JsonNode upvoted = Expect.ok(award(event(kim, "post-upvoted", "after-adjustment")), 201);
        assertEquals(10, upvoted.get("points").asInt(), upvoted::toString);
        assertEquals(60, upvoted.get("total").asInt());
        assertEquals(0, Expect.ok(award(event(kim, "post-upvoted", "over-the-cap")), 201).get("points").asInt());
        // nor does a second adjustment depend on the cap being spent
        Expect.ok(api.post(realm.adminPath("/reputation/members/" + kim + "/adjustments"), admin,
                Map.of("points", 5, "reason", "meetup host")), 201);
        me = Expect.ok(api.get(realm.path("/me"), realm.token("kim")), 200).get("reputation");
        assertEquals(65, me.get("total").asInt());
        assertEquals(10, me.get("pointsToday").asInt());
        assertEquals(10, me.get("dailyCap").asInt());
        assertEquals(65, total(kim));
        assertEquals(65, Api.claims(realm.token("kim")).at("/community/reputation").asInt());
    }

    @Test
    void aResentKeyAnswersAsFirstAnsweredAfterTheRulesChange() {
        String lee = member("lee");
        Map<String, Object> bounty = new HashMap<>(event(lee, "bounty", "r1"));
        bounty.put("points", 100);
        JsonNode first = Expect.ok(award(bounty), 201);
        JsonNode flag = Expect.ok(award(event(lee, "helpful-flag", "r2")), 201);
        assertEquals(102, flag.get("total").asInt());

        // bounty removed, helpful-flag worth more: the resent keys still answer what they answered
        rules(Map.of("eventTypes", Map.of("answer-accepted", Map.of("points", 15), "helpful-flag", Map.of("points", 3))));
        JsonNode replayed = Expect.ok(award(bounty), 200);
        assertEquals(first.get("id").asText(), replayed.get("id").asText());
        assertEquals(100, replayed.get("points").asInt());
        assertEquals(100, replayed.get("total").asInt());
        assertTrue(replayed.get("replayed").asBoolean());
        JsonNode flagAgain = Expect.ok(award(event(lee, "helpful-flag", "r2")), 200);
        assertEquals(flag.get("id").asText(), flagAgain.get("id").asText());
        assertEquals(2, flagAgain.get("points").asInt());
        JsonNode batch = Expect.ok(award(List.of(bounty, event(lee, "helpful-flag", "r2"))), 200);
        assertTrue(batch.at("/events/0/replayed").asBoolean() && batch.at("/events/1/replayed").asBoolean(), batch::toString);
        // a new key is checked against today's rules
        Expect.error(award(event(lee, "bounty", "r3")), 400, "invalid_event");
        assertEquals(3, Expect.ok(award(event(lee, "helpful-flag", "r4")), 201).get("points").asInt());

        // the app may no longer send helpful-flag: its resent key still replays, a new one is refused
        rules(Map.of("sources", Map.of(TestRealm.SERVICE, List.of("answer-accepted"))));
        assertEquals(flag.get("id").asText(), Expect.ok(award(event(lee, "helpful-flag", "r2")), 200).get("id").asText());
        Expect.error(award(event(lee, "helpful-flag", "r5")), 400, "invalid_event");
        JsonNode mixed = Expect.error(award(List.of(event(lee, "helpful-flag", "r2"), event(lee, "helpful-flag", "r6"))),
                400, "invalid_event");
        assertTrue(mixed.get("error_description").asText().startsWith("events[1]:"), mixed::toString);

        // a key is still one event: another member, type or reason is a conflict, not a replay
        String max = member("max");
        Map<String, Object> otherMember = new HashMap<>(bounty);
        otherMember.put("userId", max);
        Expect.error(award(otherMember), 409, "idempotency_key_reused");
        Expect.error(award(event(lee, "answer-accepted", "r1")), 409, "idempotency_key_reused");
        Map<String, Object> otherPoints = new HashMap<>(bounty);
        otherPoints.put("points", 99);
        Expect.error(award(otherPoints), 409, "idempotency_key_reused");
        Expect.error(award(withReason(lee, "r2", "a reason now")), 409, "idempotency_key_reused");

        assertEquals(105, total(lee));
        assertEquals(0, total(max));
        assertEquals(3, history(lee).size());
        assertEquals(105, Api.claims(realm.token("lee")).at("/community/reputation").asInt());
    }

    @Test
    void aReversalRestoresThePreviousTotalOnceAndOnlyForItsOwnApp() {
        rules(Map.of("dailyCap", 20));
        String cyd = member("cyd");
        Expect.ok(award(event(cyd, "helpful-flag", "h")), 201);
        JsonNode answer = Expect.ok(award(event(cyd, "answer-accepted", "x")), 201);
        assertEquals(17, answer.get("total").asInt());
        String id = answer.get("id").asText();

        realm.createServiceClient("other-app");
        realm.grantServiceAccountRole("other-app", API_CLIENT, AWARD_ROLE);
        Expect.error(api.post(realm.path("/reputation/events/" + id + "/reversal"), realm.serviceToken("other-app"),
                Map.of()), 404, "event_not_found");

        JsonNode reversal = Expect.ok(api.post(realm.path("/reputation/events/" + id + "/reversal"), app,
                Map.of("reason", "answer was plagiarised")), 201);
        assertEquals(-15, reversal.get("points").asInt());
        assertEquals(2, reversal.get("total").asInt());
        assertEquals(id, reversal.get("reverses").asText());
        JsonNode again = Expect.ok(api.post(realm.path("/reputation/events/" + id + "/reversal"), app, null), 200);
        assertEquals(reversal.get("id").asText(), again.get("id").asText());
        Expect.error(api.post(realm.path("/reputation/events/" + reversal.get("id").asText() + "/reversal"), app, null), 400);
        assertEquals(2, total(cyd));
        // the reversed points no longer count towards today's cap
        assertEquals(15, Expect.ok(award(event(cyd, "answer-accepted", "y")), 201).get("points").asInt());
        assertEquals(17, total(cyd));
    }

    @Test
    void aBatchIsAllOrNothingAndNamesTheItemThatFailed() {
        String dee = member("dee");
        List<Map<String, Object>> batch = List.of(event(dee, "answer-accepted", "b1"), event(dee, "no-such-type", "b2"),
                event(dee, "post-upvoted", "b3"));
        JsonNode error = Expect.error(award(batch), 400, "invalid_event");
        assertTrue(error.get("error_description").asText().startsWith("events[1]:"), error::toString);
        assertEquals(0, total(dee));
        assertEquals(0, history(dee).size());

        List<Map<String, Object>> good = List.of(event(dee, "answer-accepted", "b1"), event(dee, "post-upvoted", "b3"));
        JsonNode done = Expect.ok(award(good), 201);
        assertEquals(2, done.get("events").size());
        assertEquals(25, done.at("/events/1/total").asInt());
        JsonNode replay = Expect.ok(award(good), 200);
        assertTrue(replay.at("/events/0/replayed").asBoolean());
        assertEquals(25, total(dee));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(event(dee, "helpful-flag", "many-" + i));
        }
        Expect.error(award(tooMany), 400);
        Expect.error(award(List.of(event(dee, "helpful-flag", "same"), event(dee, "helpful-flag", "same"))), 400);
        assertEquals(25, total(dee));
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        String eve = member("eve");
        String stranger = realm.createUser("stranger");
        TestRealm other = TestRealm.create(api, "elsewhere");
        String foreign = other.createUser("foreigner");

        Map<String, Object> noKey = new HashMap<>(event(eve, "helpful-flag", "x"));
        noKey.remove("key");
        Expect.error(award(noKey), 400, "invalid_event");
        Expect.error(award(event("no-such-user", "helpful-flag", "u1")), 400, "invalid_event");
        Expect.error(award(event(stranger, "helpful-flag", "u2")), 400, "invalid_event");
        Expect.error(award(event(foreign, "helpful-flag", "u3")), 400, "invalid_event");
        Map<String, Object> bounty = new HashMap<>(event(eve, "bounty", "b"));
        bounty.put("points", 600);
        Expect.error(award(bounty), 400, "invalid_event");
        bounty.put("points", 100);
        assertEquals(100, Expect.ok(award(bounty), 201).get("points").asInt());
        Map<String, Object> fixed = new HashMap<>(event(eve, "helpful-flag", "f"));
        fixed.put("points", 50);
        Expect.error(award(fixed), 400, "invalid_event");
        Map<String, Object> both = new HashMap<>(event(eve, "helpful-flag", "both"));
        both.put("handle", "eve");
        Expect.error(award(both), 400, "invalid_event");

        String path = realm.path("/reputation/events");
        Expect.unauthorized(api.post(path, null, event(eve, "helpful-flag", "t")));
        Expect.unauthorized(api.post(path, "not-a-token", event(eve, "helpful-flag", "t")));
        Expect.unauthorized(api.post(path, other.serviceToken(), event(eve, "helpful-flag", "t")));
        Expect.error(api.post(path, realm.token("eve"), event(eve, "helpful-flag", "t")), 403, "forbidden");
        realm.createServiceClient("no-role-app");
        Expect.error(api.post(path, realm.serviceToken("no-role-app"), event(eve, "helpful-flag", "t")), 403, "forbidden");

        Expect.error(api.send("POST", path, app, Api.JSON_TYPE, "{\"userId\": "), 400);
        Expect.error(api.send("POST", path, app, Api.JSON_TYPE, "{\"userId\": \"" + eve + "\", \"sneaky\": 1}"), 400);
        Expect.error(api.send("POST", path, app, Api.JSON_TYPE, "{\"userId\": \"" + eve
                + "\", \"type\": \"bounty\", \"points\": \"99\", \"key\": \"s\"}"), 400);
        Expect.error(api.send("POST", path, app, Api.JSON_TYPE, "[1, 2]"), 400);
        Expect.error(api.send("POST", path, app, Api.JSON_TYPE, "[null]"), 400);
        Expect.error(api.send("POST", path, app, "text/plain", Api.write(event(eve, "helpful-flag", "t"))), 415);
        Expect.error(api.send("POST", path, app, Api.JSON_TYPE, "[".repeat(5000) + "]".repeat(5000)), 400);
        Expect.error(api.send("POST", path, app, Api.JSON_TYPE, "{\"reason\": \"" + "x".repeat(2_200_000) + "\"}"), 413);
        Expect.error(award(withReason(eve, "long", "r".repeat(501))), 400);
        Expect.error(award(withReason(eve, "emoji", "thanks \uD83C\uDF5E")), 400);
        // a lone surrogate can only arrive escaped (as UTF-8 it is not encodable)
        Expect.error(api.send("POST", path, app, Api.JSON_TYPE, "{\"userId\": \"" + eve
                + "\", \"type\": \"helpful-flag\", \"key\": \"s\", \"reason\": \"half \\uD83C\"}"), 400);
        Expect.error(award(withReason(eve, "control", "bell \u0007")), 400);
        assertEquals(100, total(eve));

        // hostile-looking text is stored and returned as the exact string, never interpreted
        String hostile = "<img src=x onerror=alert(1)> '; DROP TABLE COMMUNITY_MEMBER; -- \u202Eevil\u200B \u00e9\u4e2d";
        JsonNode stored = Expect.ok(award(withReason(eve, "hostile", hostile)), 201);
        assertEquals(hostile, stored.get("reason").asText());
        assertEquals(hostile, history(eve).get(0).get("reason").asText());
        assertEquals(102, total(eve));
    }

    @Test
    void adminsReadHistoriesAdjustWithAReasonAndAwardBadgesByHandAsAdminEvents() {
        String fay = member("fay");
        Expect.ok(award(event(fay, "answer-accepted", "a")), 201);
        String admin = api.adminToken();
        Expect.error(api.post(realm.adminPath("/reputation/members/" + fay + "/adjustments"), admin,
                Map.of("points", 10)), 400, "invalid_reason");
        JsonNode adjusted = Expect.ok(api.post(realm.adminPath("/reputation/members/" + fay + "/adjustments"), admin,
                Map.of("points", -40, "reason", "spam clean-up")), 201);
        assertEquals(1, adjusted.get("total").asInt(), "the floor holds for admins too");
        assertEquals("admin", adjusted.get("source").asText());
        assertEquals(1, realm.adminEvents("COMMUNITY_REPUTATION").size());
        JsonNode events = Expect.ok(api.get(realm.adminPath("/reputation/members/" + fay + "/events?max=1"), admin), 200);
        assertEquals(1, events.size());
        assertEquals("adjustment", events.get(0).get("type").asText());

        Expect.ok(api.put(realm.adminPath("/reputation/members/" + fay + "/badges/star"), admin, Map.of()), 200);
        Expect.ok(api.put(realm.adminPath("/reputation/members/" + fay + "/badges/star"), admin, Map.of()), 200);
        assertEquals(1, realm.adminEvents("COMMUNITY_BADGE").size(), "a badge is awarded once");
        JsonNode claim = Api.claims(realm.token("fay")).get("community");
        assertTrue(claim.get("badges").toString().contains("star"), claim::toString);
        Expect.error(api.put(realm.adminPath("/reputation/members/" + fay + "/badges/nope"), admin, Map.of()), 404);
        Expect.ok(api.delete(realm.adminPath("/reputation/members/" + fay + "/badges/star"), admin), 200);
        Expect.error(api.delete(realm.adminPath("/reputation/members/" + fay + "/badges/star"), admin), 404);
        assertFalse(Api.claims(realm.token("fay")).get("community").get("badges").toString().contains("star"));

        // a view-only admin reads but does not change; a member reads only their own history
        String viewer = realm.createUser("viewer");
        realm.grantRealmManagementRole(viewer, "view-users");
        realm.grantRealmManagementRole(viewer, "view-realm");
        String viewerToken = realm.token("viewer");
        Expect.ok(api.get(realm.adminPath("/reputation/members/" + fay), viewerToken), 200);
        Expect.error(api.post(realm.adminPath("/reputation/members/" + fay + "/adjustments"), viewerToken,
                Map.of("points", 5, "reason", "r")), 403);
        Expect.error(api.put(realm.adminPath("/reputation/rules"), viewerToken, Map.of("floor", 0)), 403);
        Expect.error(api.get(realm.adminPath("/reputation/members/" + fay), realm.token("fay")), 403);
        JsonNode own = Expect.ok(api.get(realm.path("/me/reputation?max=10"), realm.token("fay")), 200);
        assertEquals(2, own.size());
        assertEquals(2, realm.adminEvents("COMMUNITY_BADGE").size());
    }

    @Test
    void rulesAreValidatedAsAWholeBeforeAnythingIsSaved() {
        String admin = api.adminToken();
        JsonNode before = Expect.ok(api.get(realm.adminPath("/reputation/rules"), admin), 200);
        assertEquals(200, before.get("dailyCap").asInt());
        List<Map<String, Object>> bad = List.of(
                Map.of("dailyCap", -1),
                Map.of("levels", List.of(Map.of("name", "b", "threshold", 10), Map.of("name", "a", "threshold", 5))),
                Map.of("levels", List.of()),
                Map.of("eventTypes", Map.of("join", Map.of("points", 3))),
                Map.of("eventTypes", Map.of("Bad Name", Map.of("points", 3))),
                Map.of("eventTypes", Map.of("huge", Map.of("points", 1_000_000))),
                Map.of("eventTypes", Map.of("ranged", Map.of("points", 5, "min", 10, "max", 20))),
                Map.of("sources", Map.of("forum", List.of("unknown-type"))),
                Map.of("badges", List.of(Map.of("id", "x", "name", "X", "tier", "platinum", "rule", Map.of("kind", "manual")))),
                Map.of("badges", List.of(Map.of("id", "x", "name", "X", "tier", "gold",
                        "rule", Map.of("kind", "event-count", "threshold", 1, "eventType", "nope")))),
                Map.of("dailyCap", 10, "floor", "low"));
        for (Map<String, Object> body : bad) {
            Expect.error(api.put(realm.adminPath("/reputation/rules"), admin, body), 400);
        }
        Expect.error(api.send("PUT", realm.adminPath("/reputation/rules"), admin, Api.JSON_TYPE, "{\"dailyCap\": 5, \"x\": 1}"), 400);
        assertEquals(before, Expect.ok(api.get(realm.adminPath("/reputation/rules"), admin), 200));
        assertEquals(1, realm.adminEvents("COMMUNITY_REPUTATION_RULES").size(), "only the set-up's change");

        // a source allow-list restricts an app to its types
        rules(Map.of("sources", Map.of(TestRealm.SERVICE, List.of("helpful-flag"))));
        String gus = member("gus");
        Expect.error(award(event(gus, "answer-accepted", "n")), 400, "invalid_event");
        Expect.ok(award(event(gus, "helpful-flag", "y")), 201);
    }

    @Test
    void concurrentReversalsAndBadgeAwardsHappenOnce() throws Exception {
        String hal = member("hal");
        String id = Expect.ok(award(event(hal, "answer-accepted", "once")), 201).get("id").asText();
        List<Api.Reply> reversals = parallel(8, () -> Api.resendingConflicts(() -> api.post(
                realm.path("/reputation/events/" + id + "/reversal"), app, null)));
        assertEquals(1, reversals.stream().filter(r -> r.status() == 201).count(), reversals::toString);
        assertEquals(1, reversals.stream().map(r -> r.json().get("id").asText()).distinct().count(), reversals::toString);
        assertEquals(0, total(hal));
        assertEquals(2, history(hal).size());

        String admin = api.adminToken();
        List<Api.Reply> awards = parallel(8, () -> Api.resendingConflicts(() -> api.put(
                realm.adminPath("/reputation/members/" + hal + "/badges/star"), admin, Map.of())));
        awards.forEach(r -> assertEquals(200, r.status(), r::toString));
        assertEquals(1, realm.adminEvents("COMMUNITY_BADGE").size());
        JsonNode badges = Expect.ok(api.get(realm.adminPath("/reputation/members/" + hal), admin), 200).get("badges");
        // first-answer stays: a badge, once earned, is not taken back by a reversal
        assertEquals(List.of("first-answer", "star"), badges.findValuesAsText("id"), badges::toString);
    }

    @Test
    void badgeRulesOnTotalAndMembershipAgeAwardAtTheNextChange() {
        rules(Map.of("badges", List.of(
                Map.of("id", "fifty", "name", "Fifty", "tier", "silver", "rule", Map.of("kind", "total", "threshold", 50)),
                Map.of("id", "day-one", "name", "Day one", "tier", "bronze", "icon", "<b>\u263A</b>",
                        "rule", Map.of("kind", "membership-days", "threshold", 0)))));
        String ivy = member("ivy");
        Expect.ok(award(event(ivy, "post-upvoted", "1")), 201);
        JsonNode badges = Expect.ok(api.get(realm.path("/me"), realm.token("ivy")), 200).at("/reputation/badges");
        assertEquals(1, badges.size(), badges::toString);
        assertEquals("day-one", badges.get(0).get("id").asText());
        assertEquals("<b>\u263A</b>", badges.get(0).get("icon").asText(), "stored and returned as typed");
        for (int i = 0; i < 4; i++) {
            Expect.ok(award(event(ivy, "post-upvoted", "more-" + i)), 201);
        }
        assertEquals("[\"day-one\",\"fifty\"]", Api.claims(realm.token("ivy")).at("/community/badges").toString());
        List<String> held = new ArrayList<>();
        Expect.ok(api.get(realm.adminPath("/reputation/members/" + ivy), api.adminToken()), 200).get("badges")
                .forEach(b -> held.add(b.get("id").asText()));
        assertEquals(List.of("day-one", "fifty"), held);
    }

    @Test
    void historiesAndAdjustmentsStayInsideTheirRealm() {
        String jo = member("joe");
        Expect.unauthorized(api.get(realm.path("/me/reputation"), null));
        Expect.error(api.get(realm.path("/me/reputation?max=101"), realm.token("joe")), 400);
        TestRealm other = TestRealm.create(api, "other-rep");
        other.enableCommunity(Map.of());
        String foreign = other.createUser("foreigner");
        String admin = api.adminToken();
        Expect.error(api.post(realm.adminPath("/reputation/members/" + foreign + "/adjustments"), admin,
                Map.of("points", 5, "reason", "r")), 404, "user_not_found");
        Expect.error(api.get(realm.adminPath("/reputation/members/" + foreign + "/events"), admin), 404, "user_not_found");
        Expect.error(api.post(realm.adminPath("/reputation/members/" + jo + "/adjustments"), admin,
                Map.of("points", 0, "reason", "r")), 400, "invalid_points");
        Expect.error(api.post(realm.adminPath("/reputation/members/" + jo + "/adjustments"), admin,
                Map.of("points", 5, "reason", "r", "extra", true)), 400);
        String nonMember = realm.createUser("lurker");
        Expect.error(api.post(realm.adminPath("/reputation/members/" + nonMember + "/adjustments"), admin,
                Map.of("points", 5, "reason", "r")), 404, "not_a_member");
        assertEquals(0, realm.adminEvents("COMMUNITY_REPUTATION").size());
        Expect.error(api.get(other.adminPath("/reputation/members/" + jo), admin), 404, "user_not_found");
    }

    private static List<Api.Reply> parallel(int threads, java.util.concurrent.Callable<Api.Reply> call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Callable<Api.Reply>> calls = java.util.Collections.nCopies(threads, call);
            List<Api.Reply> replies = new ArrayList<>();
            for (var future : pool.invokeAll(calls)) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    // --- helpers

    private String member(String username) {
        String id = realm.createUser(username);
        Expect.ok(api.post(realm.path("/membership"), realm.token(username), null), 201);
        return id;
    }

    private void setHandle(String username, String handle) {
        Expect.ok(api.updateAccount(realm.name, realm.token(username), Map.of("handle", List.of(handle))), 204);
    }

    private void rules(Map<String, Object> update) {
        Expect.ok(api.put(realm.adminPath("/reputation/rules"), api.adminToken(), update), 200);
    }

    static Map<String, Object> event(String userId, String type, String key) {
        Map<String, Object> event = new HashMap<>();
        event.put("userId", userId);
        event.put("type", type);
        event.put("key", key);
        return event;
    }

    private Map<String, Object> withReason(String userId, String key, String reason) {
        Map<String, Object> event = event(userId, "helpful-flag", key);
        event.put("reason", reason);
        return event;
    }

    private Api.Reply award(Object body) {
        return api.post(realm.path("/reputation/events"), app, body);
    }

    private int total(String userId) {
        return Expect.ok(api.get(realm.adminPath("/reputation/members/" + userId), api.adminToken()), 200).get("total").asInt();
    }

    private JsonNode history(String userId) {
        return Expect.ok(api.get(realm.adminPath("/reputation/members/" + userId + "/events?max=100"), api.adminToken()), 200);
    }
}
