package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Circles on the real server: founding (trusted members only, pending until approved when the realm
 * wants it), each join policy, moderation, bans, ownership, archiving, sponsored circles with staff
 * and recognized members, per-circle reputation, a circle's election; after each change the member's
 * next token and the circle's Keycloak group. What depends on the database (races, the end of a term)
 * is {@link CircleRacesIT}.
 */
@ExtendWith(RealKeycloak.class)
class CirclesIT {

    private final Api api = Api.forServer();
    private TestRealm realm;
    private String admin;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeEach
    void realmWithMembers() {
        realm = TestRealm.create(api, "circles");
        realm.enableCommunity(Map.of());
        admin = api.adminToken();
        for (String name : List.of("ana", "bob", "cara", "eve")) {
            ids.put(name, realm.createUser(name));
            Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
            Expect.ok(api.updateAccount(realm.name, realm.token(name), Map.of("handle", List.of(name + ".c"))), 204);
        }
        ids.put("dan", realm.createUser("dan"));
        Expect.ok(api.post(realm.adminPath("/reputation/members/" + ids.get("ana") + "/adjustments"), admin,
                Map.of("points", 100, "reason", "a trusted baker")), 201);
    }

    private JsonNode found(String who, String slug, Map<String, Object> more) {
        return found(realm, who, slug, more);
    }

    /** {@code who} founds the circle {@code slug} (201 expected). */
    static JsonNode found(TestRealm realm, String who, String slug, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("slug", slug, "name", "The " + slug));
        body.putAll(more);
        return Expect.ok(realm.api.post(realm.path("/circles"), realm.token(who), body), 201);
    }

    private List<String> claim(String who) {
        return claim(realm, who);
    }

    /** The circles in {@code who}'s next token, as {@code slug:role}. */
    static List<String> claim(TestRealm realm, String who) {
        List<String> circles = new ArrayList<>();
        Api.claims(realm.token(who)).at("/community/circles").forEach(c -> circles.add(c.get("slug").asText() + ":"
                + c.get("role").asText()));
        return circles;
    }

    /** Usernames in the circle's Keycloak group, read through Keycloak's admin REST API. */
    private List<String> group(String slug) {
        Api.Reply found = api.get("/admin/realms/" + realm.name + "/group-by-path/community/circles/" + slug, admin);
        if (found.status() == 404) {
            return null;
        }
        String id = Expect.ok(found, 200).get("id").asText();
        List<String> names = new ArrayList<>();
        api.get("/admin/realms/" + realm.name + "/groups/" + id + "/members?max=100", admin).json()
                .forEach(u -> names.add(u.get("username").asText()));
        return names.stream().sorted().toList();
    }

    @Test
    void aTrustedMemberFoundsACircleAndOwnsIt() {
        Expect.error(api.post(realm.path("/circles"), realm.token("eve"), Map.of("slug", "eves-circle", "name", "Eve's")),
                403, "reputation_too_low");
        JsonNode circle = found("ana", "sourdough-society", Map.of("description", Map.of("en", "We <b>bake</b>"),
                "visibility", "public", "joinPolicy", "open"));
        assertEquals("active", circle.get("status").asText());
        assertEquals("organic", circle.get("kind").asText());
        assertEquals("owner", circle.at("/you/role").asText());
        assertEquals(1, circle.get("memberCount").asInt());
        assertEquals(List.of("sourdough-society:owner"), claim("ana"));
        assertEquals(List.of("ana"), group("sourdough-society"));
        Expect.error(api.post(realm.path("/circles"), realm.token("ana"), Map.of("slug", "sourdough-society", "name", "Again")),
                409, "slug_taken");
        Expect.ok(api.put(realm.adminPath("/circles/settings"), admin, Map.of("maxFoundedPerMember", 1)), 200);
        Expect.error(api.post(realm.path("/circles"), realm.token("ana"), Map.of("slug", "second-one", "name", "Second")),
                403, "too_many_circles");
        Expect.error(api.post(realm.path("/circles"), realm.token("dan"), Map.of("slug", "outsiders", "name", "Out")), 403);
        Expect.error(api.post(realm.path("/circles"), realm.readToken("ana"), Map.of("slug", "by-a-reader", "name", "R")),
                403, "insufficient_scope");
    }

    @Test
    void withApprovalANewCircleWaitsForAnAdmin() {
        Expect.ok(api.put(realm.adminPath("/circles/settings"), admin, Map.of("approveOrganic", true)), 200);
        assertEquals("pending", found("ana", "whole-grain-lab", Map.of()).get("status").asText());
        assertEquals(List.of(), claim("ana"), "a pending circle is in no token");
        assertEquals(null, group("whole-grain-lab"), "nor a group");
        Expect.error(api.get(realm.path("/circles/whole-grain-lab"), realm.token("bob")), 404, "circle_not_found");
        Expect.error(api.post(realm.path("/circles/whole-grain-lab/membership"), realm.token("bob"), null), 404);
        JsonNode pending = Expect.ok(api.get(realm.adminPath("/circles?status=pending"), admin), 200);
        assertEquals("whole-grain-lab", pending.get(0).get("slug").asText());
        Expect.ok(api.post(realm.adminPath("/circles/whole-grain-lab/approve"), admin, null), 200);
        assertEquals(List.of("whole-grain-lab:owner"), claim("ana"));
        assertEquals(List.of("ana"), group("whole-grain-lab"));

        found("ana", "rejected-one", Map.of());
        Expect.ok(api.post(realm.adminPath("/circles/rejected-one/reject"), admin, null), 204);
        Expect.error(api.get(realm.adminPath("/circles/rejected-one"), admin), 404, "circle_not_found");
        assertEquals(List.of("whole-grain-lab:owner"), claim("ana"));
        assertEquals(2, realm.adminEvents("COMMUNITY_CIRCLE").stream().filter(e -> e.get("resourcePath").asText()
                .matches("community/circles/[a-z-]+/(approve|reject)")).count());
    }

    @Test
    void eachJoinPolicy() {
        found("ana", "open-one", Map.of("joinPolicy", "open"));
        Expect.ok(api.post(realm.path("/circles/open-one/membership"), realm.token("bob"), null), 201);
        Expect.ok(api.post(realm.path("/circles/open-one/membership"), realm.token("bob"), null), 200);
        assertEquals(List.of("open-one:member"), claim("bob"));
        Expect.error(api.post(realm.path("/circles/open-one/membership"), realm.token("dan"), null), 403, "not_a_member");

        found("ana", "asking-one", Map.of("joinPolicy", "request"));
        assertEquals("requested", Expect.ok(api.post(realm.path("/circles/asking-one/membership"), realm.token("cara"), null), 201)
                .at("/you/status").asText());
        assertEquals(List.of(), claim("cara"));
        Expect.error(api.get(realm.path("/circles/asking-one/members?status=requested"), realm.token("bob")), 403);
        JsonNode requests = Expect.ok(api.get(realm.path("/circles/asking-one/members?status=requested"), realm.token("ana")), 200);
        assertEquals(ids.get("cara"), requests.get(0).get("userId").asText());
        Expect.ok(api.post(realm.path("/circles/asking-one/members/" + ids.get("cara") + "/approve"), realm.token("ana"), null), 200);
        assertEquals(List.of("asking-one:member"), claim("cara"));
        assertEquals(List.of("ana", "cara"), group("asking-one"));

        found("ana", "invited-only", Map.of("joinPolicy", "invite", "visibility", "secret"));
        Expect.error(api.post(realm.path("/circles/invited-only/membership"), realm.token("eve"), null), 404, "circle_not_found");
        Expect.ok(api.post(realm.path("/circles/invited-only/invitations"), realm.token("ana"), Map.of("handle", "eve.c")), 201);
        assertEquals("invited", Expect.ok(api.get(realm.path("/circles/invited-only"), realm.token("eve")), 200)
                .at("/you/status").asText());
        Expect.ok(api.post(realm.path("/circles/invited-only/membership"), realm.token("eve"), null), 201);
        assertEquals(List.of("invited-only:member"), claim("eve"));
        Expect.error(api.post(realm.path("/circles/invited-only/membership"), realm.token("bob"), null), 404);
    }

    @Test
    void moderatorsBanOwnersHandOwnershipOnAndArchivedCirclesTakeNobody() {
        found("ana", "bakers", Map.of());
        for (String who : List.of("bob", "cara")) {
            Expect.ok(api.post(realm.path("/circles/bakers/membership"), realm.token(who), null), 201);
        }
        String base = realm.path("/circles/bakers");
        Expect.error(api.put(base + "/members/" + ids.get("cara") + "/role", realm.token("bob"), Map.of("role", "moderator")), 403);
        Expect.ok(api.put(base + "/members/" + ids.get("bob") + "/role", realm.token("ana"), Map.of("role", "moderator")), 200);
        assertEquals(List.of("bakers:moderator"), claim("bob"));
        Expect.ok(api.put(base + "/bans/" + ids.get("cara"), realm.token("bob"), Map.of("reason", "spam <script>")), 200);
        assertEquals(List.of(), claim("cara"));
        assertEquals(List.of("ana", "bob"), group("bakers"));
        Expect.error(api.post(base + "/membership", realm.token("cara"), null), 403, "banned");
        JsonNode bans = Expect.ok(api.get(base + "/members?status=banned", realm.token("bob")), 200);
        assertEquals("spam <script>", bans.get(0).get("reason").asText(), "the reason as typed, for those who moderate");
        Expect.error(api.delete(base + "/members/" + ids.get("ana"), realm.token("bob")), 403);
        Expect.error(api.delete(base + "/membership", realm.token("ana")), 409, "last_owner");
        Expect.ok(api.put(base + "/members/" + ids.get("bob") + "/role", realm.token("ana"), Map.of("role", "owner")), 200);
        Expect.ok(api.put(base + "/members/" + ids.get("ana") + "/role", realm.token("ana"), Map.of("role", "member")), 200);
        assertEquals(List.of("bakers:owner"), claim("bob"));
        assertEquals(List.of("bakers:member"), claim("ana"));
        Expect.ok(api.delete(base + "/bans/" + ids.get("cara"), realm.token("bob")), 204);
        Expect.ok(api.post(base + "/membership", realm.token("cara"), null), 201);
        Expect.ok(api.delete(base + "/members/" + ids.get("cara") + "?reason=off-topic", realm.token("bob")), 204);
        assertEquals(List.of(), claim("cara"));

        assertEquals("archived", Expect.ok(api.post(base + "/archive", realm.token("bob"), null), 200).get("status").asText());
        Expect.error(api.post(base + "/membership", realm.token("cara"), null), 409, "circle_not_active");
        assertEquals(List.of("bakers:member"), claim("ana"), "an archived circle stays in its members' tokens");
    }

    @Test
    void whoSeesWhichCircle() {
        found("ana", "open-to-all", Map.of("visibility", "public"));
        found("ana", "members-only", Map.of("visibility", "members"));
        found("ana", "hidden-one", Map.of("visibility", "secret"));
        Expect.ok(api.get(realm.path("/circles/open-to-all"), null), 200);
        Expect.ok(api.updateAccount(realm.name, realm.token("ana"), Map.of("handle", List.of("ana.c"), "profileVisibility", List.of("members"))), 204);
        JsonNode anonymous = Expect.ok(api.get(realm.path("/circles/open-to-all/members"), null), 200);
        assertFalse(anonymous.get(0).has("userId") || anonymous.get(0).has("handle"), "a members-only profile, hidden from "
                + "anonymous readers: " + anonymous);
        assertEquals("owner", anonymous.get(0).get("role").asText());
        assertEquals("ana.c", Expect.ok(api.get(realm.path("/circles/open-to-all/members"), realm.token("bob")), 200)
                .get(0).get("handle").asText(), "shown to a community member");
        Expect.error(api.get(realm.path("/circles/members-only"), null), 404, "circle_not_found");
        Expect.ok(api.get(realm.path("/circles/members-only"), realm.token("bob")), 200);
        Expect.error(api.get(realm.path("/circles/members-only"), realm.token("dan")), 404);
        Expect.error(api.get(realm.path("/circles/hidden-one"), realm.token("bob")), 404);
        Expect.error(api.get(realm.path("/circles/hidden-one/members"), realm.token("bob")), 404);
        Expect.ok(api.get(realm.path("/circles/hidden-one/members"), realm.token("ana")), 200);
        Expect.unauthorized(api.get(realm.path("/circles"), null));
        assertEquals(List.of("open-to-all"), slugs(Expect.ok(api.get(realm.path("/circles"), realm.token("dan")), 200)));
        assertEquals(List.of("members-only", "open-to-all"), slugs(Expect.ok(api.get(realm.path("/circles"), realm.token("bob")), 200)));
        assertEquals(List.of("hidden-one", "members-only", "open-to-all"),
                slugs(Expect.ok(api.get(realm.path("/circles"), realm.token("ana")), 200)));
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, "view-members");
        assertEquals(List.of("members-only", "open-to-all"), slugs(Expect.ok(api.get(realm.path("/circles"), realm.serviceToken()), 200)));
        assertEquals(3, Expect.ok(api.get(realm.adminPath("/circles"), admin), 200).size());
        assertEquals(List.of("open-to-all"), slugs(Expect.ok(api.get(realm.path("/circles?search=OPEN"), realm.token("bob")), 200)));
    }

    @Test
    void memberListsAndLeaderboardsFollowEachVisibilityForEveryKindOfReader() {
        found("ana", "open-to-all", Map.of("visibility", "public"));
        found("ana", "members-only", Map.of("visibility", "members", "joinPolicy", "request"));
        found("ana", "hidden-one", Map.of("visibility", "secret"));
        Expect.ok(api.put(realm.adminPath("/circles/hidden-one/members/" + ids.get("bob")), admin, Map.of("role", "moderator")), 200);
        Expect.error(api.post(realm.path("/circles/hidden-one/membership"), realm.token("eve"), null), 404, "circle_not_found");
        Expect.ok(api.post(realm.path("/circles/members-only/membership"), realm.token("eve"), null), 201);
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, "view-members");
        String app = realm.serviceToken();
        Map<String, String> readers = new LinkedHashMap<>();
        readers.put("anonymous", null);
        readers.put("non-member", realm.token("dan"));
        readers.put("community member", realm.token("cara"));
        readers.put("circle moderator", realm.token("bob"));
        readers.put("owner", realm.token("ana"));
        readers.put("app", app);
        // who sees the active members (and the leaderboard) of each circle: true, or a 404 for a circle they may not see
        Map<String, List<Boolean>> expected = Map.of(
                "anonymous", List.of(true, false, false), "non-member", List.of(true, false, false),
                "community member", List.of(true, true, false), "circle moderator", List.of(true, true, true),
                "owner", List.of(true, true, true), "app", List.of(true, true, false));
        List<String> slugs = List.of("open-to-all", "members-only", "hidden-one");
        for (Map.Entry<String, String> reader : readers.entrySet()) {
            for (int i = 0; i < slugs.size(); i++) {
                String what = reader.getKey() + " reading " + slugs.get(i);
                for (String list : List.of("/members", "/leaderboard")) {
                    Api.Reply reply = api.get(realm.path("/circles/" + slugs.get(i) + list), reader.getValue());
                    if (expected.get(reader.getKey()).get(i)) {
                        Expect.ok(reply, 200, () -> what + list);
                    } else {
                        Expect.error(reply, 404, "circle_not_found");
                    }
                }
            }
        }
        String requests = realm.path("/circles/members-only/members?status=requested");
        assertEquals(ids.get("eve"), Expect.ok(api.get(requests, realm.token("ana")), 200).at("/0/userId").asText());
        Expect.error(api.get(requests, realm.token("bob")), 403);
        Expect.error(api.get(requests, realm.token("cara")), 403);
        Expect.error(api.get(requests, app), 403);
        Expect.ok(api.get(realm.path("/circles/hidden-one/members?status=banned"), realm.token("bob")), 200);
        assertEquals(1, Expect.ok(api.get(realm.adminPath("/circles/members-only/members?status=requested"), admin), 200).size(),
                "eve's request, which only those who run the circle and admins see");
    }

    @Test
    void aSponsoredCircleHasOfficialStaffWhoRecognizeMembers() {
        JsonNode kitchen = Expect.ok(api.post(realm.adminPath("/circles"), admin, Map.of("slug", "the-test-kitchen",
                "name", "The Test Kitchen", "staff", List.of(ids.get("eve")))), 201);
        assertEquals("sponsored", kitchen.get("kind").asText());
        assertEquals(List.of("the-test-kitchen:staff"), claim("eve"));
        Expect.ok(api.post(realm.path("/circles/the-test-kitchen/membership"), realm.token("bob"), null), 201);
        JsonNode members = Expect.ok(api.get(realm.path("/circles/the-test-kitchen/members"), realm.token("bob")), 200);
        JsonNode staff = members.get(0);
        assertEquals("staff", staff.get("role").asText());
        assertTrue(staff.get("official").asBoolean(), members::toString);
        assertFalse(members.get(1).has("official"), members::toString);
        String role = realm.path("/circles/the-test-kitchen/members/" + ids.get("bob") + "/role");
        Expect.error(api.put(role, realm.token("ana"), Map.of("role", "recognized")), 403);
        Expect.ok(api.put(role, realm.token("eve"), Map.of("role", "recognized")), 200);
        assertEquals(List.of("the-test-kitchen:recognized"), claim("bob"));
        Expect.error(api.put(role, realm.token("eve"), Map.of("role", "staff")), 403);
        Expect.ok(api.put(realm.adminPath("/circles/the-test-kitchen/members/" + ids.get("bob")), admin, Map.of("role", "staff")), 200);
        assertEquals(List.of("the-test-kitchen:staff"), claim("bob"));
        assertEquals(List.of("bob", "eve"), group("the-test-kitchen"));
    }

    @Test
    void leavingTheCommunityLeavesEveryCircleAndGroupEditsInKeycloakAreFollowed() {
        found("ana", "first-circle", Map.of());
        found("ana", "second-circle", Map.of());
        for (String slug : List.of("first-circle", "second-circle")) {
            Expect.ok(api.post(realm.path("/circles/" + slug + "/membership"), realm.token("bob"), null), 201);
        }
        Expect.ok(api.delete(realm.path("/membership"), realm.token("bob")), 204);
        assertEquals(List.of("ana"), group("first-circle"));
        assertEquals(1, Expect.ok(api.get(realm.adminPath("/circles/second-circle"), admin), 200).get("memberCount").asInt());

        String groupId = api.get("/admin/realms/" + realm.name + "/group-by-path/community/circles/first-circle", admin).json()
                .get("id").asText();
        Expect.ok(api.put("/admin/realms/" + realm.name + "/users/" + ids.get("cara") + "/groups/" + groupId, admin, null), 204);
        assertEquals(List.of("first-circle:member"), claim("cara"), "an admin's group join is a circle join");
        Expect.ok(api.put("/admin/realms/" + realm.name + "/users/" + ids.get("dan") + "/groups/" + groupId, admin, null), 204);
        assertEquals(List.of("ana", "cara"), group("first-circle"), "a user who may not belong is taken out again");
        Expect.ok(api.delete("/admin/realms/" + realm.name + "/users/" + ids.get("cara") + "/groups/" + groupId, admin), 204);
        assertEquals(List.of(), claim("cara"));
        assertEquals(1, Expect.ok(api.get(realm.adminPath("/circles/first-circle"), admin), 200).get("memberCount").asInt());
    }

    @Test
    void pointsEarnedInACircleRankItsLeaderboardAndShowInMe() {
        found("ana", "crumbs", Map.of());
        Expect.ok(api.post(realm.path("/circles/crumbs/membership"), realm.token("bob"), null), 201);
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        String app = realm.serviceToken();
        Map<String, Object> event = new LinkedHashMap<>(ReputationIT.event(ids.get("bob"), "helpful-flag", "crumbs-1"));
        event.put("circle", "crumbs");
        JsonNode booked = Expect.ok(api.post(realm.path("/reputation/events"), app, event), 201);
        int points = booked.get("points").asInt();
        assertTrue(points > 0, booked::toString);
        Map<String, Object> elsewhere = new LinkedHashMap<>(ReputationIT.event(ids.get("cara"), "helpful-flag", "crumbs-2"));
        elsewhere.put("circle", "crumbs");
        JsonNode refused = Expect.error(api.post(realm.path("/reputation/events"), app, elsewhere), 400, "invalid_event");
        assertTrue(refused.get("error_description").asText().contains("circle"), refused::toString);
        Map<String, Object> moved = new LinkedHashMap<>(event);
        moved.put("circle", "no-such-circle");
        Expect.error(api.post(realm.path("/reputation/events"), app, moved), 400, "invalid_event");
        moved.remove("circle");
        Expect.error(api.post(realm.path("/reputation/events"), app, moved), 409, "idempotency_key_reused");
        Expect.ok(api.post(realm.path("/reputation/events"), app, event), 200);

        JsonNode board = Expect.ok(api.get(realm.path("/circles/crumbs/leaderboard?period=week"), realm.token("ana")), 200);
        assertEquals(1, board.get("entries").size(), board::toString);
        assertEquals("bob.c", board.at("/entries/0/handle").asText());
        assertEquals(points, board.at("/entries/0/points").asInt());
        assertEquals(points, Expect.ok(api.get(realm.path("/circles/crumbs/leaderboard?period=all"), realm.token("bob")), 200)
                .at("/entries/0/points").asInt());
        JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("bob")), 200);
        assertEquals("crumbs", me.at("/reputation/circles/0/circle").asText(), me::toString);
        assertEquals(points, me.at("/reputation/circles/0/points").asInt());
        Expect.ok(api.delete(realm.path("/circles/crumbs/membership"), realm.token("bob")), 204);
        assertEquals(0, Expect.ok(api.get(realm.path("/circles/crumbs/leaderboard"), realm.token("ana")), 200).get("entries").size(),
                "a member who left is not ranked");
    }

    @Test
    void aCirclesElectionIsItsMembersAndItsWinnersModerateItForTheTerm() throws Exception {
        found("ana", "voters", Map.of("visibility", "secret", "joinPolicy", "invite"));
        Expect.ok(api.post(realm.path("/circles/voters/invitations"), realm.token("ana"), Map.of("handle", "bob.c")), 201);
        Expect.ok(api.post(realm.path("/circles/voters/membership"), realm.token("bob"), null), 201);
        String elections = realm.adminPath("/elections");
        Expect.error(api.post(elections, admin, Map.of("title", "Mods", "method", "irv", "circle", "voters",
                "winnerRole", "moderator", "termDays", 30)), 400, "invalid_winnerRole");
        Expect.error(api.post(elections, admin, Map.of("title", "Mods", "method", "irv", "circle", "nowhere", "termDays", 30)),
                400, "invalid_circle");
        String id = Expect.ok(api.post(elections, admin, Map.of("title", "Voters' moderator", "method", "irv", "circle", "voters",
                "termDays", 30)), 201).get("id").asText();
        Expect.ok(api.post(elections + "/" + id + "/open-nominations", admin, null), 200);
        String base = realm.path("/elections/" + id);
        Expect.error(api.get(base, realm.token("cara")), 404, "election_not_found");
        Expect.error(api.post(base + "/candidates", realm.token("bob"), Map.of("handle", "cara.c")), 403);
        Expect.ok(api.post(base + "/candidates", realm.token("bob"), Map.of("handle", "bob.c")), 201);
        JsonNode election = Expect.ok(api.get(base, realm.token("ana")), 200);
        assertEquals("voters", election.get("circle").asText());
        assertTrue(election.at("/you/mayVote").asBoolean(), election::toString);
        Expect.ok(api.post(elections + "/" + id + "/open-voting", admin, null), 200);
        String candidate = api.get(base, realm.token("ana")).json().at("/candidates/0/id").asText();
        Expect.ok(api.put(base + "/ballot", realm.token("ana"), Map.of("ranking", List.of(candidate))), 201);
        Expect.ok(api.post(elections + "/" + id + "/close", admin, null), 200);
        Expect.ok(api.post(elections + "/" + id + "/certify", admin, null), 200);
        assertEquals(List.of("voters:moderator"), claim("bob"), "the winner moderates the circle");
        assertTrue(MembershipIT.roles(Api.claims(realm.token("bob"))).stream().noneMatch(r -> r.equals("community-moderator")),
                "a circle's moderator, not the community's");
    }

    static List<String> slugs(JsonNode circles) {
        List<String> slugs = new ArrayList<>();
        circles.forEach(c -> slugs.add(c.get("slug").asText()));
        return slugs;
    }
}
