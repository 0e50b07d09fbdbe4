package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Account Console's Leaderboard and Members pages in a real Chromium, at 1280x900 and at a phone's
 * 390x844, in English and in Polish, on a copy of the demo community with more members: the rows and
 * their order are those of {@code GET /leaderboard} for every period and the next page, the directory's
 * search and interest filter answer what {@code GET /members} answers, a profile opens, member-typed HTML
 * stays text, axe finds no serious or critical violation, and every text comes from our bundles.
 * Outsiders and a realm without a community read a message instead. Screenshots: {@code members-*.png}.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MemberPagesIT {

    static final String BIO = "<img src=x onerror=\"window.__pwned=1\"> Laminates & <b>tells</b>";
    static final String NAME = "Zo\u00eb <b>Crumb</b><img src=x onerror=\"window.__pwned=1\">";
    static final String LOCATION = "<script>window.__pwned=1</script>\u0141\u00f3d\u017a";
    static final List<String> TOPICS = List.of("sourdough", "whole-grain", "pastry", "gluten-free", "baking-science", "events");
    static final List<String> SIZES = List.of("desktop", "phone");

    private Api api;
    private String realm;

    @BeforeAll
    void demoCommunityWithMoreMembers() throws Exception {
        Browser.assumeReady("MemberPagesIT");
        api = Api.forServer();
        realm = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        DemoServer.seed(api, realm, demo -> {
            join(demo, "zoe", Map.of("handle", List.of("zoe.crumb"), "displayName", List.of(NAME), "bio", List.of(BIO),
                    "interests", List.of("pastry", "gluten-free"), "location", List.of(LOCATION),
                    "website", List.of("https://zoe.example"), "avatarUrl", List.of("https://zoe.example/a.png"),
                    "languages", List.of("pl", "en"), "profileVisibility", List.of("members")));
            join(demo, "kate", Map.of("handle", List.of("kate.crumble"), "displayName", List.of("Kate Crumble"),
                    "bio", List.of(BIO), "interests", List.of("pastry"), "location", List.of("Krak\u00f3w"),
                    "website", List.of("https://kate.example"), "languages", List.of("en"), "profileVisibility", List.of("public")));
            join(demo, "pia", Map.of("handle", List.of("pia.piecze"), "displayName", List.of("Pia"),
                    "interests", List.of("sourdough", "pastry"), "profileVisibility", List.of("members")));
            for (int i = 1; i <= 9; i++) {
                String name = "baker-0" + i;
                join(demo, name, Map.of("handle", List.of(name), "interests", List.of("events"),
                        "profileVisibility", List.of(i % 3 == 0 ? "private" : "members")));
            }
            String app = Expect.ok(api.clientCredentials(demo, "recipe-forum-backend", "demo-backend-secret"), 200)
                    .get("access_token").asText();
            List<Map<String, Object>> events = new ArrayList<>(List.of(
                    Map.of("handle", "zoe.crumb", "type", "answer-accepted", "key", "pages-zoe"),
                    Map.of("handle", "kate.crumble", "type", "post-upvoted", "key", "pages-kate"),
                    Map.of("handle", "pia.piecze", "type", "helpful-flag", "key", "pages-pia")));
            for (int i = 1; i <= 9; i++) {
                events.add(Map.of("handle", "baker-0" + i, "type", "helpful-flag", "key", "pages-baker-" + i));
            }
            Expect.ok(api.post("/realms/" + demo + "/community/reputation/events", app, events), 201);
        });
    }

    @Test
    @Order(1)
    void aMemberReadsBothPagesInEnglishAtBothSizes() throws Exception {
        member("zoe", "en-US", "en", "zoe.crumb");
    }

    @Test
    @Order(2)
    void aMemberReadsBothPagesInPolishAtBothSizes() throws Exception {
        member("pia", "pl-PL", "pl", "pia.piecze");
    }

    @Test
    @Order(3)
    void someoneWhoIsNotAMemberIsAskedToJoin() throws Exception {
        Messages messages = Messages.of("en");
        JsonNode run = run(realm, "dee", "dee", "en-US", "dee", Map.of("mode", "outsider"));
        outsider(run, messages.account("communityLeaderboardJoin"), messages.account("communityDirectoryJoin"), "join");
        assertTrue(run.at("/sizes/desktop/leaderboard/text").asText().contains(messages.account("communityOpenCommunity")), run::toString);
        String dee = Expect.ok(api.passwordGrant(realm, "recipe-forum", null, "dee", "dee", TestRealm.SCOPE), 200)
                .get("access_token").asText();
        Expect.error(api.get("/realms/" + realm + "/community/leaderboard", dee), 403);
        Expect.error(api.get("/realms/" + realm + "/community/members", dee), 403);
    }

    @Test
    @Order(4)
    void aRealmWithoutCommunitySaysSoOnBothPages() throws Exception {
        TestRealm plain = TestRealm.create(api, "no-community-pages");
        ObjectNode settings = (ObjectNode) api.get("/admin/realms/" + plain.name, api.adminToken()).json();
        settings.put("accountTheme", "community");
        settings.put("internationalizationEnabled", true);
        settings.set("supportedLocales", Api.JSON.valueToTree(List.of("en", "pl")));
        Expect.ok(api.put("/admin/realms/" + plain.name, api.adminToken(), settings), 204);
        plain.createUser("walker");
        String expected = Messages.of("pl").account("communityUnavailable");
        JsonNode run = run(plain.name, "walker", "pw-walker", "pl-PL", "no-community", Map.of("mode", "outsider"));
        outsider(run, expected, expected, "unavailable");
    }

    private void outsider(JsonNode run, String leaderboardText, String directoryText, String state) throws Exception {
        assertFalse(run.has("failure"), () -> "the script stopped: " + run.get("failure") + "\n" + run.path("failurePage").asText());
        for (String size : SIZES) {
            for (String[] pageAndText : new String[][] {{"leaderboard", leaderboardText}, {"directory", directoryText}}) {
                JsonNode seen = run.at("/sizes/" + size + "/" + pageAndText[0]);
                assertEquals(state, seen.get("state").asText(), () -> size + " " + pageAndText[0] + ": " + seen);
                assertTrue(seen.get("text").asText().contains(pageAndText[1]), () -> size + " " + pageAndText[0] + ": " + seen);
                assertEquals(0, seen.get("rows").asInt(), seen::toString);
            }
        }
        accessibleAndClean(run, 4);
    }

    private void member(String username, String browserLocale, String language, String handle) throws Exception {
        Messages messages = Messages.of(language);
        String token = memberToken(username);
        String search = "crumb";
        String interest = "pastry";
        JsonNode run = run(realm, username, "pw-" + username, browserLocale, username,
                Map.of("mode", "member", "search", search, "interest", interest, "profile", "kate.crumble"));
        assertFalse(run.has("failure"), () -> "the script stopped: " + run.get("failure") + "\n" + run.path("failurePage").asText());

        Map<String, JsonNode> leaderboard = new HashMap<>();
        for (String period : List.of("week", "month", "all")) {
            leaderboard.put(period, leaderboard(period, 0, token, language));
        }
        leaderboard.put("allNext", leaderboard("all", 10, token, language));
        assertTrue(leaderboard.get("all").size() == 10 && leaderboard.get("allNext").size() > 0,
                "the demo copy has more than one page of members: " + leaderboard.get("allNext"));
        JsonNode directory = directory("first=0&max=10", token);
        JsonNode searched = directory("search=" + search + "&first=0&max=10", token);
        JsonNode filtered = directory("search=" + search + "&interest=" + interest + "&first=0&max=10", token);
        assertEquals(List.of("kate.crumble", "zoe.crumb"), handles(filtered), filtered::toString);
        JsonNode kate = Expect.ok(api.get("/realms/" + realm + "/community/members/kate.crumble", token), 200);

        List<String> headers = List.of(messages.account("communityRank"), messages.account("communityLeaderboardMember"),
                messages.account("communityPoints"), messages.account("communityLevel"));
        for (String size : SIZES) {
            JsonNode seen = run.at("/sizes/" + size);
            String where = size + " (" + language + ")";
            // the leaderboard: every period's rows in the API's order, the member's own row highlighted
            for (Map.Entry<String, JsonNode> period : leaderboard.entrySet()) {
                JsonNode rows = seen.at("/leaderboard/" + period.getKey());
                JsonNode entries = period.getValue();
                assertEquals(entries.size(), rows.size(), () -> where + " " + period.getKey() + ": " + rows + " vs " + entries);
                for (int i = 0; i < entries.size(); i++) {
                    JsonNode entry = entries.get(i);
                    JsonNode row = rows.get(i);
                    String context = where + " " + period.getKey() + " row " + i + ": " + row + " vs " + entry;
                    assertEquals(entry.get("rank").asInt(), row.get("rank").asInt(), context);
                    assertEquals(entry.get("points").asInt(), row.get("points").asInt(), context);
                    assertEquals(entry.get("levelName").asText(), row.get("level").asText(), "the level by its name in the page's language: " + context);
                    boolean hidden = !entry.hasNonNull("handle");
                    assertEquals(hidden ? null : entry.get("handle").asText(), row.get("handle").isNull() ? null : row.get("handle").asText(), context);
                    if (hidden) {
                        assertEquals(messages.account("communityPrivateMember"), row.get("private").asText(), context);
                    } else {
                        String name = entry.hasNonNull("displayName") ? entry.get("displayName").asText() : entry.get("handle").asText();
                        assertEquals(name, row.get("name").asText(), "names are text, as typed: " + context);
                    }
                    assertEquals(handle.equals(entry.path("handle").asText()), row.get("you").asBoolean(), context);
                    if (row.get("you").asBoolean()) {
                        assertNotEquals("rgba(0, 0, 0, 0)", row.get("highlighted").asText(), "the own row is highlighted: " + context);
                    }
                    if (size.equals("phone")) {
                        List<String> labels = new ArrayList<>();
                        row.get("labels").forEach(l -> labels.add(l.asText()));
                        assertEquals(headers, labels, "every cell is labelled on a phone: " + context);
                        assertTrue(row.get("width").asDouble() <= 390, context);
                    }
                }
            }
            int own = 0;
            for (String period : List.of("all", "allNext")) {
                for (JsonNode row : seen.at("/leaderboard/" + period)) {
                    own += row.get("you").asBoolean() ? 1 : 0;
                }
            }
            assertEquals(1, own, () -> "the member's own row, once over all time: " + seen.get("leaderboard"));
            if (size.equals("desktop")) {
                assertEquals(headers, texts(seen.get("headers")), where);
            }
            assertEquals(List.of(messages.account("communityPeriodWeek"), messages.account("communityPeriodMonth"),
                    messages.account("communityPeriodAll")), texts(seen.get("periods")), where);
            String board = seen.get("leaderboardText").asText();
            for (String key : List.of("communityLeaderboard", "communityLeaderboardDescription")) {
                assertTrue(board.contains(messages.account(key)), () -> key + " on the " + where + " leaderboard: " + board);
            }
            assertTrue(seen.get("pagingText").asText().contains(messages.account("communityNextPage")), seen::toString);

            // the directory: the API's members, search and filter; websites as links that pass no reputation
            assertEquals(handles(directory), cardHandles(seen.at("/directory/all")), where);
            assertEquals(handles(searched), cardHandles(seen.at("/directory/search")), where);
            assertEquals(handles(filtered), cardHandles(seen.at("/directory/searchAndInterest")), where);
            for (JsonNode card : seen.at("/directory/searchAndInterest")) {
                assertEquals("nofollow ugc noopener", card.at("/website/rel").asText(), card::toString);
                assertEquals("_blank", card.at("/website/target").asText(), card::toString);
                if (size.equals("phone")) {
                    assertTrue(card.get("width").asDouble() <= 390, card::toString);
                }
            }
            JsonNode zoe = find(seen.at("/directory/searchAndInterest"), "zoe.crumb");
            assertEquals(NAME, zoe.get("name").asText(), "the display name as typed, as text");
            assertTrue(zoe.get("text").asText().contains(LOCATION), zoe::toString);
            List<String> options = new ArrayList<>(List.of(""));
            options.addAll(TOPICS);
            assertEquals(options, texts(seen.get("interestOptions")), "the realm's topics to filter by");
            String members = seen.get("directoryText").asText();
            for (String key : List.of("communityDirectory", "communityDirectoryDescription", "communityAllInterests",
                    "communityLevel", "communityInterests")) {
                assertTrue(members.contains(messages.account(key)), () -> key + " on the " + where + " directory: " + members);
            }

            // a profile: the bio exactly as typed, as text
            JsonNode profile = seen.get("profile");
            assertEquals("@kate.crumble", profile.get("handle").asText(), profile::toString);
            assertEquals(BIO, profile.get("bio").asText(), profile::toString);
            assertEquals(0, profile.get("imagesInDialog").asInt(), profile::toString);
            assertEquals(kate.get("reputation").asInt(), profile.get("points").asInt(), profile::toString);
            assertEquals("https://kate.example", profile.at("/website/href").asText(), profile::toString);
            assertEquals("nofollow ugc noopener", profile.at("/website/rel").asText(), profile::toString);
            assertEquals("_blank", profile.at("/website/target").asText(), profile::toString);
            for (String key : List.of("communityAbout", "communityHandle", "communityMemberSince", "communityClose")) {
                assertTrue(profile.get("text").asText().contains(messages.account(key)), () -> key + " in the profile: " + profile);
            }
            if (size.equals("phone")) {
                assertTrue(seen.get("scrollWidth").asInt() <= 390, "nothing wider than the phone: " + seen.get("scrollWidth"));
            }
        }
        accessibleAndClean(run, 8);
    }

    /**
     * Zero serious or critical axe violations on every audit, in our pages and in the header and menu around
     * them; at a phone size the menu is closed whenever a page opens. No page error; member HTML never ran.
     */
    private void accessibleAndClean(JsonNode run, int audits) throws Exception {
        System.out.println("MemberPagesIT: " + run.get("audits").size() + " axe audits " + run.get("audits")
                + ", serious or critical violations: " + run.get("violations") + ", phone menu: " + run.get("menu"));
        assertEquals(audits, run.get("audits").size(), run.get("audits")::toString);
        List<JsonNode> violations = new ArrayList<>();
        run.get("violations").forEach(violations::add);
        assertEquals(List.of(), violations, "serious or critical accessibility violations");
        assertEquals(0, run.get("errors").size(), () -> "page errors: " + run.get("errors"));
        assertFalse(run.get("pwned").asBoolean(), "member-typed HTML never ran");
        assertEquals(0, run.get("injectedImages").asInt(), "no <img> from member-typed text");
        assertFalse(run.get("menu").isEmpty(), "the phone pages were checked: " + run);
        for (JsonNode menu : run.get("menu")) {
            assertFalse(menu.path("openOnArrival").asBoolean(true), "the side menu is closed when a phone page opens: " + menu);
        }
        assertTrue(run.get("screenshots").size() >= audits, run::toString);
        for (JsonNode shot : run.get("screenshots")) {
            assertTrue(Files.size(Browser.screenshots().resolve(shot.asText())) > 10_000, shot + " is a real screenshot");
        }
    }

    private JsonNode run(String realmName, String username, String password, String locale, String prefix,
                         Map<String, String> more) throws Exception {
        Map<String, Object> config = new HashMap<>(Map.of("baseUrl", api.baseUrl(), "realm", realmName,
                "username", username, "password", password, "locale", locale,
                "screenshots", Browser.screenshots().toString(), "prefix", prefix));
        config.putAll(more);
        return Browser.script("member-pages.mjs", Api.JSON.writeValueAsString(config));
    }

    private JsonNode leaderboard(String period, int first, String token, String language) {
        return Expect.ok(api.send("GET", "/realms/" + realm + "/community/leaderboard?period=" + period + "&first=" + first
                + "&max=10", token, null, null, Map.of("Accept-Language", language)), 200).get("entries");
    }

    private JsonNode directory(String query, String token) {
        return Expect.ok(api.get("/realms/" + realm + "/community/members?" + query, token), 200);
    }

    private static List<String> handles(JsonNode profiles) {
        List<String> handles = new ArrayList<>();
        profiles.forEach(p -> handles.add(p.get("handle").asText()));
        return handles;
    }

    private static List<String> cardHandles(JsonNode cards) {
        return handles(cards);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText().strip()));
        return texts;
    }

    private static JsonNode find(JsonNode cards, String handle) {
        for (JsonNode card : cards) {
            if (handle.equals(card.get("handle").asText())) {
                return card;
            }
        }
        throw new AssertionError("no card for " + handle + " in " + cards);
    }

    private void join(String demo, String username, Map<String, List<String>> profile) {
        TestRealm.existing(api, demo).createUser(username);
        String token = Expect.ok(api.passwordGrant(demo, "recipe-forum", null, username, "pw-" + username, TestRealm.SCOPE), 200)
                .get("access_token").asText();
        Expect.ok(api.post("/realms/" + demo + "/community/membership", token, Map.of("acceptedCodeOfConductVersion", "2026-1")), 201);
        Expect.ok(api.updateAccount(demo, token, profile), 204);
    }

    private String memberToken(String member) {
        return Expect.ok(api.passwordGrant(realm, "recipe-forum", null, member, "pw-" + member, TestRealm.SCOPE), 200)
                .get("access_token").asText();
    }
}
