package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Account Console's Circles page in a real Chromium, one step at a time, each checked against the REST
 * API: a trusted member founds a request-policy circle with a hostile name (a bad slug first, refused at
 * the field), which stays text; a second member, in Polish on a phone, finds it and asks to join; the owner
 * approves on the circle's page; the second member then sees themselves a member. axe finds no serious or
 * critical violation on any step. Screenshots: {@code circles-*.png}.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CirclesPageIT {

    static final String NAME = "<img src=x onerror=alert(1)>";
    static final String DESCRIPTION = "We <b>laminate</b> <script>window.__pwned=1</script>";
    static final String SLUG = "hostile-bakers";

    private Api api;
    private TestRealm realm;
    private final Map<String, String> ids = new HashMap<>();
    private final List<JsonNode> runs = new ArrayList<>();

    @BeforeAll
    void realmWithTwoMembers() {
        Browser.assumeReady("CirclesPageIT");
        api = Api.forServer();
        realm = TestRealm.create(api, "circles-page");
        realm.enableCommunity(Map.of());
        ObjectNode settings = (ObjectNode) api.get("/admin/realms/" + realm.name, api.adminToken()).json();
        settings.put("accountTheme", "community");
        settings.put("internationalizationEnabled", true);
        settings.set("supportedLocales", Api.JSON.valueToTree(List.of("en", "pl")));
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), settings), 204);
        for (String name : List.of("ana", "bob")) {
            ids.put(name, realm.createUser(name));
            Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
            Expect.ok(api.updateAccount(realm.name, realm.token(name), Map.of("handle", List.of(name + ".baker"),
                    "displayName", List.of(name.equals("bob") ? "Bob <i>Crumb</i>" : "Ana"))), 204);
        }
        Expect.ok(api.post(realm.adminPath("/reputation/members/" + ids.get("ana") + "/adjustments"), api.adminToken(),
                Map.of("points", 100, "reason", "a trusted baker")), 201);
    }

    @Test
    void foundAskApproveAndBelong() throws Exception {
        Messages en = Messages.of("en");
        Messages pl = Messages.of("pl");

        // ana founds the circle through the page: a bad slug is refused at its field, the hostile name stays text
        JsonNode found = step("ana", "en-US", false, "found");
        assertEquals(en.account("communityError.invalid_slug"), found.at("/seen/slugError").asText(), found::toString);
        assertTrue(found.at("/seen/listText").asText().contains(en.account("communityCirclesMineEmpty")), found::toString);
        JsonNode circle = Expect.ok(api.get(realm.path("/circles/" + SLUG), realm.token("ana")), 200);
        assertEquals(NAME, circle.get("name").asText());
        assertEquals("request", circle.get("joinPolicy").asText());
        assertEquals(DESCRIPTION, circle.at("/description/en").asText());
        assertEquals("owner", circle.at("/you/role").asText());
        JsonNode page = found.at("/seen/circle");
        assertEquals(NAME, page.get("heading").asText(), "the name as typed, as text");
        assertEquals("&lt;img src=x onerror=alert(1)&gt;", page.get("headingHtml").asText());
        assertEquals(DESCRIPTION, page.get("description").asText());
        assertEquals("owner", page.at("/standing/role").asText());
        assertEquals(circle.get("memberCount").asInt(), page.get("memberCount").asInt());
        for (String key : List.of("communityCircleKind.organic", "communityCircleVisibility.public", "communityCircleJoinPolicy.request")) {
            assertTrue(page.get("facts").asText().contains(en.account(key)), () -> key + ": " + page);
        }
        assertTrue(page.get("moderation").asBoolean(), "the owner runs the circle here");

        // bob, in Polish on a phone, finds it and asks to join
        JsonNode ask = step("bob", "pl-PL", true, "ask");
        List<String> searched = new ArrayList<>();
        Expect.ok(api.get(realm.path("/circles?search=onerror"), realm.token("bob")), 200).forEach(c -> searched.add(c.get("slug").asText()));
        List<String> listed = new ArrayList<>();
        ask.at("/seen/found").forEach(s -> listed.add(s.asText()));
        assertEquals(searched, listed, "the search shows what the API finds");
        assertTrue(ask.at("/seen/before").asText().contains(pl.account("communityCircleAsk")), ask::toString);
        assertTrue(ask.at("/seen/after").asText().contains(pl.account("communityCircleStatus.requested")), ask::toString);
        assertTrue(ask.at("/seen/after").asText().contains(NAME), ask::toString);
        assertTrue(ask.at("/seen/alert").asText().contains(pl.account("communityCircleAsked")), ask::toString);
        assertEquals(List.of(pl.account("communityCircleName"), pl.account("communityCircleJoinPolicy"), pl.account("communityCircleMembers"),
                pl.account("communityCircleYou"), pl.account("communityCircleAction")), texts(ask.at("/seen/labels")), "labelled cells on a phone");
        assertEquals("requested", Expect.ok(api.get(realm.path("/circles/" + SLUG), realm.token("bob")), 200).at("/you/status").asText());
        assertEquals(List.of(ids.get("bob")), userIds(realm.path("/circles/" + SLUG + "/members?status=requested")));
        assertTrue(ask.get("scrollWidth").asInt() <= 390, "nothing wider than the phone: " + ask.get("scrollWidth"));

        // ana approves the request on the circle's page
        JsonNode approve = step("ana", "en-US", false, "approve");
        assertEquals(List.of(ids.get("bob")), texts(approve.at("/seen/before/requests")), approve::toString);
        assertEquals(List.of(), userIds(realm.path("/circles/" + SLUG + "/members?status=requested")));
        List<String> active = userIds(realm.path("/circles/" + SLUG + "/members"));
        assertEquals(List.of(ids.get("ana"), ids.get("bob")).stream().sorted().toList(), active.stream().sorted().toList());
        List<String> shown = new ArrayList<>();
        approve.at("/seen/after/members").forEach(m -> shown.add(m.get("userId").asText()));
        assertEquals(active, shown, "the members as the API lists them");
        assertEquals(2, approve.at("/seen/after/memberCount").asInt());

        // bob's page shows him a member, in My circles and on the circle's page; leaving asks first
        JsonNode member = step("bob", "pl-PL", true, "member");
        JsonNode mine = member.at("/seen/mine");
        assertEquals(1, mine.size(), mine::toString);
        assertEquals(SLUG, mine.get(0).get("slug").asText());
        assertEquals("active", mine.get(0).get("status").asText());
        assertEquals("member", mine.get(0).get("role").asText());
        assertTrue(mine.get(0).get("text").asText().contains(pl.account("communityCircleRole.member")), mine::toString);
        JsonNode bobs = member.at("/seen/circle");
        assertEquals("member", Expect.ok(api.get(realm.path("/circles/" + SLUG), realm.token("bob")), 200).at("/you/role").asText());
        assertEquals("member", bobs.at("/standing/role").asText());
        assertFalse(bobs.get("moderation").asBoolean(), "members do not run the circle");
        assertTrue(bobs.get("text").asText().contains("Bob <i>Crumb</i>"), "a display name as typed: " + bobs);
        assertTrue(bobs.get("text").asText().contains(pl.account("communityCircleRole.owner")), bobs::toString);
        assertTrue(member.at("/seen/leave").asText().contains(pl.account("communityCircleLeaveTitle")), member::toString);
        assertTrue(member.at("/seen/leave").asText().contains(NAME), member::toString);
        assertEquals("member", Expect.ok(api.get(realm.path("/circles/" + SLUG), realm.token("bob")), 200).at("/you/role").asText(),
                "cancelled: still a member");

        // every step: axe clean, no page error, member HTML never ran
        int audits = 0;
        List<JsonNode> violations = new ArrayList<>();
        for (JsonNode run : runs) {
            audits += run.get("audits").size();
            run.get("violations").forEach(violations::add);
            assertEquals(0, run.get("errors").size(), () -> "page errors: " + run.get("errors"));
            assertFalse(run.get("pwned").asBoolean(), "member-typed HTML never ran");
            assertEquals(0, run.get("injectedImages").asInt(), "no <img> from member-typed text");
            for (JsonNode shot : run.get("screenshots")) {
                assertTrue(Files.size(Browser.screenshots().resolve(shot.asText())) > 10_000, shot + " is a real screenshot");
            }
        }
        System.out.println("CirclesPageIT: " + audits + " axe audits, serious or critical violations: " + violations);
        assertEquals(8, audits);
        assertEquals(List.of(), violations, "serious or critical accessibility violations");
    }

    private JsonNode step(String username, String locale, boolean phone, String step) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of("baseUrl", api.baseUrl(), "realm", realm.name, "username", username,
                "password", "pw-" + username, "locale", locale, "screenshots", Browser.screenshots().toString(), "phone", phone,
                "step", step, "slug", SLUG, "name", NAME));
        config.putAll(Map.of("description", DESCRIPTION, "badSlug", "Bad Slug!", "search", "onerror"));
        JsonNode run = Browser.script("circles.mjs", Api.JSON.writeValueAsString(config));
        assertFalse(run.has("failure"), () -> step + ": the script stopped: " + run.get("failure") + "\n" + run.path("failurePage").asText());
        runs.add(run);
        return run;
    }

    private List<String> userIds(String path) {
        List<String> found = new ArrayList<>();
        Expect.ok(api.get(path, realm.token("ana")), 200).forEach(m -> found.add(m.get("userId").asText()));
        return found;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText().strip()));
        return texts;
    }
}
