package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * A member's whole journey in a real Chromium, in English and in Polish, on a copy of the demo community:
 * log in, accept the new code of conduct, choose a handle, open Community in the Account Console, see
 * what to do next, reputation and badges, cast a ranked ballot in the open election, save both codes as a
 * file, change the ballot with the change key the page kept, verify the receipt, reload and see the ballot
 * counted, be refused a change made with the receipt; on a phone in Spanish too, with the menu and the leave
 * dialog; then an admin certifies and the members read the results round by round and download the ballots. Every expected text
 * is read from our message bundles, so a missing translation fails here too. Screenshots of each page go to {@code target/screenshots}.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunityJourneyIT {

    static final String BIO = "<img src=x onerror=\"window.__pwned=1\"> Bakes & <b>tells</b>";
    static final String ELECTION = "Moderators 2027";
    static final String STEWARDS = "Recipe stewards 2028";
    static final String STATEMENT = "<img src=x onerror=\"window.__pwned=1\"> I keep recipes tidy & <i>tested</i>";

    private Api api;
    private String realm;

    @BeforeAll
    void demoCommunityWithTwoMembersBehindOnTheCodeOfConduct() throws Exception {
        Browser.assumeReady("CommunityJourneyIT");
        api = Api.forServer();
        realm = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        // eve, ola and ivy join before the demo's elections open, so they are in their electorates
        DemoServer.seed(api, realm, demo -> {
            for (String member : List.of("eve", "ola", "ivy")) {
                TestRealm.existing(api, demo).createUser(member);
                String token = memberToken(member);
                Expect.ok(api.post("/realms/" + demo + "/community/membership", token,
                        Map.of("acceptedCodeOfConductVersion", "2026-1")), 201);
                Expect.ok(api.updateAccount(demo, token, Map.of("displayName", List.of(member.toUpperCase(Locale.ROOT)),
                        "bio", List.of(BIO), "interests", List.of("sourdough"), "location", List.of("Krak\u00f3w"),
                        "website", List.of("https://" + member + ".example"), "avatarUrl", List.of("https://" + member + ".example/a.png"),
                        "languages", List.of("pl"), "profileVisibility", List.of("members"))), 204);
            }
        });
        Expect.ok(api.put("/admin/realms/" + realm + "/community/config", api.adminToken(),
                Map.of("codeOfConductVersion", "2026-2")), 200);
        String elections = "/admin/realms/" + realm + "/community/elections";
        String stewards = Expect.ok(api.post(elections, api.adminToken(), Map.of("title", STEWARDS, "method", "approval",
                "seats", 2)), 201).get("id").asText();
        Expect.ok(api.post(elections + "/" + stewards + "/open-nominations", api.adminToken(), null), 200);
    }

    @Test
    @Order(1)
    void aMemberVotesInEnglishAndStands() throws Exception {
        JsonNode run = vote("eve", "en-US", "en", "eve.bakes", Map.of("election", STEWARDS, "statement", STATEMENT), false);
        assertEquals(201, run.at("/statuses/nominate").asInt(), run::toString);
        assertTrue(run.at("/texts/nominated").asText().contains(STATEMENT), "the statement, as text");
        JsonNode stewards = election(STEWARDS, memberToken("eve"));
        assertEquals("eve.bakes", stewards.at("/candidates/0/handle").asText(), stewards::toString);
        assertEquals(STATEMENT, stewards.at("/candidates/0/statement").asText(), stewards::toString);
    }

    @Test
    @Order(2)
    void aMemberVotesInPolishWithTheKeyboardAlone() throws Exception {
        JsonNode run = vote("ola", "pl-PL", "pl", "ola.piecze", null, false);
        assertEquals("community-cast", run.get("focusedAfterRanks").asText(), "Tab after the last rank reaches the cast button");
    }

    /** On a phone (390x844): the menu is closed on arrival, opens with its toggle and closes once a page is chosen. */
    @Test
    @Order(3)
    void aMemberVotesOnAPhoneInSpanishAndMayCancelLeaving() throws Exception {
        JsonNode run = vote("ivy", "es-ES", "es", "ivy.hornea", null, true);
        assertFalse(run.at("/menu/openOnArrival").asBoolean(true), run::toString);
        assertTrue(run.at("/menu/openAfterToggle").asBoolean(), run::toString);
        assertFalse(run.at("/menu/openAfterChoosing").asBoolean(true), run::toString);
        Messages messages = Messages.of("es");
        String leaving = run.at("/texts/leave-confirm").asText();
        for (String key : List.of("communityLeaveTitle", "communityLeaveWarning")) {
            assertTrue(leaving.contains(messages.account(key)), () -> key + " in the leave dialog: " + leaving);
        }
        assertEquals("active", Expect.ok(api.get("/realms/" + realm + "/community/membership", memberToken("ivy")), 200)
                .get("status").asText(), "cancelling the dialog leaves nothing");
    }

    @Test
    @Order(4)
    void anAdminCertifiesAndMembersReadTheResults() throws Exception {
        String elections = "/admin/realms/" + realm + "/community/elections";
        String id = election(ELECTION, memberToken("eve")).get("id").asText();
        Expect.ok(api.post(elections + "/" + id + "/close", api.adminToken(), null), 200);
        Expect.ok(api.post(elections + "/" + id + "/certify", api.adminToken(), null), 200);
        JsonNode results = Expect.ok(api.get("/realms/" + realm + "/community/elections/" + id + "/results", memberToken("eve")), 200);
        assertEquals(3, results.get("ballots").asInt(), "eve, ola and ivy voted: " + results);
        String ballots = api.get("/realms/" + realm + "/community/elections/" + id + "/ballots", memberToken("eve")).body();

        for (String[] member : new String[][] {{"eve", "en-US", "en"}, {"ola", "pl-PL", "pl"}}) {
            JsonNode run = journey(member[0], member[1], "results", null, List.of(), List.of(), null, false);
            String page = run.at("/texts/results").asText();
            Messages messages = Messages.of(member[2]);
            assertTrue(page.contains(messages.account("communityPhase.certified")), page);
            assertTrue(page.contains(messages.account("communityWinners")), page);
            assertTrue(page.contains(messages.account("communityRoundNumber").replace("{{number}}", "1")), page);
            assertTrue(page.contains(messages.account("communityCandidate")), page);
            for (JsonNode winner : results.get("winners")) {
                assertTrue(page.contains(winner.asText()), winner + " in " + page);
            }
            assertEquals(results.get("candidateOrder").size() + 1, run.get("roundRows").asInt(),
                    "one row per candidate and the quota's: " + results);
            assertEquals(ballots, run.get("ballotsFile").asText(), "the downloaded ballots are the published BLT");
            assertFalse(run.path("pwned").asBoolean(), "no member-typed HTML ran");
        }
    }

    @Test
    @Order(5)
    void aRealmWithoutCommunitySaysSoOnTheCommunityPage() throws Exception {
        TestRealm plain = TestRealm.create(api, "no-community");
        ObjectNode settings = (ObjectNode) api.get("/admin/realms/" + plain.name, api.adminToken()).json();
        settings.put("accountTheme", "community");
        Expect.ok(api.put("/admin/realms/" + plain.name, api.adminToken(), settings), 204);
        plain.createUser("walker");
        String expected = Messages.of("en").account("communityUnavailable");
        JsonNode run = Browser.script("community-journey.mjs", Api.JSON.writeValueAsString(Map.of("baseUrl", api.baseUrl(),
                "realm", plain.name, "username", "walker", "password", "pw-walker", "locale", "en-US", "step", "unavailable",
                "screenshots", Browser.screenshots().toString(), "prefix", "journey-walker", "expect", expected)));
        assertFalse(run.has("failure"), () -> "the journey stopped: " + run.get("failure") + "\n" + run.path("failurePage").asText());
        assertTrue(run.at("/texts/unavailable").asText().contains(expected), run::toString);
        accessible(run);
        assertEquals(0, run.get("errors").size(), () -> "page errors: " + run.get("errors"));
    }

    private JsonNode vote(String member, String browserLocale, String language, String handle, Map<String, String> nominate,
                          boolean phone) throws Exception {
        List<String> first = List.of("cyrus", "ana.bakes");
        List<String> second = List.of("ana.bakes", "cyrus", "rye-bob");
        JsonNode run = journey(member, browserLocale, "vote", handle, first, second, nominate, phone);
        Messages messages = Messages.of(language);
        JsonNode texts = run.get("texts");

        String conduct = texts.get("code-of-conduct").asText();
        assertTrue(conduct.contains(messages.shared("communityCodeOfConductIntro", "2026-2")), conduct);
        assertTrue(texts.get("complete-profile").asText().contains(messages.shared("communityCompleteProfileTitle")));

        assertEquals(BIO, run.get("bio").asText(), "the bio is the typed text in Personal info");
        assertEquals(0, run.get("injectedImagesInPersonalInfo").asInt(), "no <img> from the bio in Personal info");

        String token = memberToken(member);
        JsonNode me = Expect.ok(api.get("/realms/" + realm + "/community/me", token), 200);
        String community = texts.get("community").asText();
        for (String text : List.of(messages.account("communityStatus.active"), messages.account("communityPhase.voting"),
                messages.account("communityMethod.meek-stv"), messages.shared("communityBadges"), ELECTION, handle, BIO,
                messages.account("communityNextVote").replace("{{election}}", ELECTION))) {
            assertTrue(community.contains(text), () -> "'" + text + "' on the Community page: " + community);
        }
        assertTrue(community.contains(messages.account("communityPoints") + "\n" + me.at("/reputation/total").asInt())
                || community.contains(messages.account("communityPoints") + "\t" + me.at("/reputation/total").asInt()), community);
        assertTrue(me.at("/reputation/badges").size() > 0, "completing the profile earned a badge: " + me);
        // levels, badges and event types by their names in the member's language, as the API gives them
        JsonNode named = Expect.ok(api.send("GET", "/realms/" + realm + "/community/me", token, null, null,
                Map.of("Accept-Language", language)), 200);
        JsonNode history = Expect.ok(api.send("GET", "/realms/" + realm + "/community/me/reputation", token, null, null,
                Map.of("Accept-Language", language)), 200);
        List<String> names = new ArrayList<>(List.of(named.at("/reputation/levelName").asText(), history.at("/0/typeName").asText()));
        named.at("/reputation/badges").forEach(badge -> names.add(badge.get("name").asText()));
        for (String name : names) {
            assertFalse(name.isEmpty(), named::toString);
            assertTrue(community.contains(name), () -> "'" + name + "' on the Community page: " + community);
        }
        if (!"en".equals(language)) {
            JsonNode english = Expect.ok(api.send("GET", "/realms/" + realm + "/community/me", token, null, null,
                    Map.of("Accept-Language", "en")), 200);
            assertFalse(names.get(0).equals(english.at("/reputation/levelName").asText()), "the level's name is translated: " + names);
        }

        assertEquals(201, run.at("/statuses/ballot-0").asInt(), run::toString);
        String cast = texts.get("ballot-cast").asText();
        for (String key : List.of("communityReceiptShare", "communityChangeKeyKeep")) {
            assertTrue(cast.contains(messages.account(key)), () -> key + " after the first ballot: " + cast);
        }
        assertFalse(run.get("changeKey").asText().isEmpty() || run.get("changeKey").asText().equals(run.get("receipt").asText()),
                run::toString);
        assertEquals(run.get("changeKey").asText(), run.get("changeKeyInForm").asText(), "the page keeps the key to change the ballot");
        assertTrue(run.get("warnsBeforeSaving").asBoolean(), "leaving asks first while the codes are unsaved");
        assertFalse(run.get("warnsAfterSaving").asBoolean(), "and no longer once they are saved");
        assertTrue(run.get("secretsFile").asText().contains(run.get("receipt").asText())
                && run.get("secretsFile").asText().contains(run.get("changeKey").asText()), run::toString);
        assertEquals(200, run.at("/statuses/ballot-1").asInt(), run::toString);
        assertTrue(texts.get("reloaded").asText().contains(messages.account("communityAlreadyVoted")), "after a reload: voted");
        assertEquals(409, run.at("/statuses/changeWithReceipt").asInt(), run::toString);
        assertTrue(run.get("refusedAlert").asText().contains(messages.account("communityError.already_voted")), run::toString);
        assertTrue(texts.get("change-refused").asText().contains(messages.account("communityChangeKeyRefused")), run::toString);
        assertEquals(200, run.at("/statuses/changeAfterReload").asInt(), () -> "the saved change key changes the ballot after a reload: " + run);
        String verified = texts.get("receipt-verified").asText();
        assertTrue(verified.contains(messages.account("communityReceiptIncluded")), verified);
        for (int i = 0; i < second.size(); i++) {
            assertTrue(verified.contains((i + 1) + ". " + second.get(i)), verified);
        }
        JsonNode election = election(ELECTION, token);
        JsonNode receipt = Expect.ok(api.post("/realms/" + realm + "/community/elections/" + election.get("id").asText()
                + "/receipt", token, Map.of("receipt", run.get("receipt").asText())), 200);
        List<String> ranked = new ArrayList<>();
        // the stored ballot lists candidate ids in order under "choices", whatever the method
        receipt.at("/ballot/choices").forEach(id -> election.get("candidates").forEach(c -> {
            if (c.get("id").asText().equals(id.asText())) {
                ranked.add(c.get("handle").asText());
            }
        }));
        assertEquals(second, ranked, () -> "the server counts the changed ballot: " + receipt + " " + election);
        assertTrue(election.at("/you/voted").asBoolean());

        assertFalse(run.get("pwned").asBoolean(), "the bio's onerror never ran");
        assertEquals(0, run.get("injectedImages").asInt(), "no <img> from the bio on the Community page");
        assertEquals(0, run.get("errors").size(), () -> "page errors: " + run.get("errors"));
        for (JsonNode shot : run.get("screenshots")) {
            assertTrue(Files.size(Browser.screenshots().resolve(shot.asText())) > 10_000, shot + " is a real screenshot");
        }
        return run;
    }

    private JsonNode election(String title, String token) {
        for (JsonNode election : Expect.ok(api.get("/realms/" + realm + "/community/elections", token), 200)) {
            if (title.equals(election.get("title").asText())) {
                return election;
            }
        }
        throw new AssertionError("no election " + title);
    }

    private JsonNode journey(String member, String locale, String step, String handle, List<String> first, List<String> second,
                             Map<String, String> nominate, boolean phone) throws Exception {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("baseUrl", api.baseUrl(), "realm", realm,
                "username", member, "password", "pw-" + member, "locale", locale, "step", step,
                "screenshots", Browser.screenshots().toString(), "prefix", "journey-" + member + "-" + step + (phone ? "-phone" : ""),
                "election", ELECTION, "first", first));
        config.put("second", second);
        config.put("phone", phone);
        config.put("leave", phone);
        config.put("keyboard", "ola".equals(member));
        if (handle != null) {
            config.put("handle", handle);
        }
        if (nominate != null) {
            config.put("nominate", nominate);
        }
        JsonNode run = Browser.script("community-journey.mjs", Api.JSON.writeValueAsString(config));
        assertFalse(run.has("failure"), () -> "the journey stopped: " + run.get("failure") + "\n" + run.path("failurePage").asText());
        accessible(run);
        return run;
    }

    /** axe-core found no serious or critical violation on the audited pages (printed in the test output). */
    private static void accessible(JsonNode run) {
        System.out.println("CommunityJourneyIT: axe audits " + run.get("audits") + ", serious or critical violations: "
                + run.get("violations"));
        assertTrue(run.get("audits").size() > 0, run::toString);
        assertEquals(0, run.get("violations").size(), () -> "accessibility violations: " + run.get("violations"));
    }

    private String memberToken(String member) {
        return Expect.ok(api.passwordGrant(realm, "recipe-forum", null, member, "pw-" + member, TestRealm.SCOPE), 200)
                .get("access_token").asText();
    }
}
