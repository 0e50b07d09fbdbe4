package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Levels, badges, event types and topics are read in the reader's language; tokens and id fields keep the ids. */
@ExtendWith(RealKeycloak.class)
class NamesIT {

    private final Api api = Api.forServer();
    private TestRealm realm;

    @BeforeEach
    void communityWithTheDefaultRules() {
        realm = TestRealm.create(api, "names");
        realm.enableCommunity(Map.of());
    }

    @Test
    void aPolishReaderGetsPolishNamesAndAnUnknownLanguageFallsBackToEnglish() {
        String ola = member("ola");
        Expect.ok(api.put(realm.adminPath("/reputation/members/" + ola + "/badges/helpful"), api.adminToken(), Map.of()), 200);
        Expect.ok(api.updateAccount(realm.name, realm.token("ola"), Map.of("handle", List.of("ola"),
                "interests", List.of("how-to"), "profileVisibility", List.of("public"))), 204);

        JsonNode polish = me("ola", "pl-PL,pl;q=0.9,en;q=0.5");
        assertEquals("newcomer", polish.get("level").asText(), "the id stays");
        assertEquals("Nowicjusz", polish.get("levelName").asText());
        assertEquals("member", polish.at("/nextLevel/name").asText());
        assertEquals("Cz\u0142onek", polish.at("/nextLevel/levelName").asText());
        assertEquals("helpful", polish.at("/badges/0/id").asText());
        assertEquals("Pomocny", polish.at("/badges/0/name").asText());
        JsonNode history = Expect.ok(api.send("GET", realm.path("/me/reputation"), realm.token("ola"), null, null,
                Map.of("Accept-Language", "pl")), 200);
        Map<String, String> typeNames = new LinkedHashMap<>();
        history.forEach(e -> typeNames.put(e.get("type").asText(), e.get("typeName").asText()));
        assertEquals("Do\u0142\u0105czenie do spo\u0142eczno\u015bci", typeNames.get("join"), history::toString);
        JsonNode board = Expect.ok(api.send("GET", realm.path("/leaderboard"), realm.token("ola"), null, null,
                Map.of("Accept-Language", "pl")), 200);
        assertEquals("Nowicjusz", board.at("/entries/0/levelName").asText());
        JsonNode profile = Expect.ok(api.send("GET", realm.path("/members/ola"), null, null, null,
                Map.of("Accept-Language", "pl")), 200);
        assertEquals("Nowicjusz", profile.get("levelName").asText());
        assertEquals("Pomocny", profile.at("/badgeNames/helpful").asText());
        assertEquals("Poradniki", profile.at("/interestNames/how-to").asText());
        assertEquals("newcomer", Api.claims(realm.token("ola")).at("/community/level").asText(), "tokens keep the ids");

        JsonNode french = me("ola", "fr-FR,fr;q=0.9");
        assertEquals("Newcomer", french.get("levelName").asText());
        assertEquals("Helpful", french.at("/badges/0/name").asText());
        assertEquals("Newcomer", me("ola", null).get("levelName").asText());
    }

    @Test
    void withoutAcceptLanguageTheUsersLocaleThenTheRealmsDefaultDecide() {
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), Map.of("internationalizationEnabled", true,
                "supportedLocales", List.of("en", "es", "pl", "bg", "id"), "defaultLocale", "es")), 204);
        member("eva");
        assertEquals("Reci\u00e9n llegado", me("eva", null).get("levelName").asText());
        Expect.ok(api.updateAccount(realm.name, realm.token("eva"), Map.of("locale", List.of("bg"))), 204);
        assertEquals("\u041d\u043e\u0432\u0430\u043a", me("eva", null).get("levelName").asText());
        assertEquals("Nowicjusz", me("eva", "pl").get("levelName").asText(), "Accept-Language comes first");
    }

    @Test
    void namedLevelsRoundTripAndBadNamesAreRefusedNamingTheFieldWithNothingChanged() {
        String admin = api.adminToken();
        Map<String, Object> levels = Map.of("levels", List.of(
                level("apprentice", 0, Map.of("en", "Apprentice", "pl", "Czeladnik")),
                level("baker", 10, Map.of("en", "Baker", "es", "Panadero", "pt-BR", "Padeiro"))));
        JsonNode stored = Expect.ok(api.put(realm.adminPath("/reputation/rules"), admin, levels), 200);
        JsonNode read = Expect.ok(api.get(realm.adminPath("/reputation/rules"), admin), 200);
        assertEquals(stored, read);
        assertEquals(Api.JSON.valueToTree(levels.get("levels")), read.get("levels"));
        assertEquals("Ten answers accepted", read.at("/badges/1/description").asText());
        assertEquals("Pomocny", read.at("/badges/1/names/pl").asText(), "our badges come named");

        List<Object[]> bad = List.of(
                new Object[] {Map.of("levels", List.of(level("a", 0, Map.of("en", "A")), level("b", 5, Map.of("pl", "")))),
                        "invalid_levels", "levels[1].names.pl"},
                new Object[] {Map.of("levels", List.of(level("a", 0, Map.of("klingon", "A")))), "invalid_levels", "levels[0].names.klingon"},
                new Object[] {Map.of("levels", List.of(level("a", 0, Map.of("en", "x".repeat(65))))), "invalid_levels", "levels[0].names.en"},
                new Object[] {Map.of("eventTypes", Map.of("liked", Map.of("points", 1, "names", Map.of("es", "  ")))),
                        "invalid_eventTypes", "eventTypes.liked.names.es"},
                new Object[] {Map.of("badges", List.of(Map.of("id", "x", "name", "X", "tier", "gold", "rule", Map.of("kind", "manual"),
                        "names", Map.of("bg", "a\u0000b")))), "invalid_badges", "badges[0].names.bg"});
        for (Object[] row : bad) {
            JsonNode error = Expect.error(api.put(realm.adminPath("/reputation/rules"), admin, row[0]), 400, (String) row[1]);
            assertTrue(error.get("error_description").asText().startsWith((String) row[2]), error::toString);
        }
        Expect.error(api.put(realm.adminPath("/reputation/rules"), admin,
                Map.of("levels", List.of(Map.of("name", "a", "threshold", 0, "names", List.of("A"))))), 400);
        assertEquals(read, Expect.ok(api.get(realm.adminPath("/reputation/rules"), admin), 200));

        member("pia");
        assertEquals("Czeladnik", me("pia", "pl").get("levelName").asText());
        assertEquals("Padeiro", me("pia", "pt").at("/nextLevel/levelName").asText());
        assertEquals("Apprentice", me("pia", "id").get("levelName").asText(), "no Indonesian name: English");
    }

    @Test
    void topicsAreLabelledInPersonalInfoInTheReadersLanguage() {
        String admin = api.adminToken();
        member("tom");
        assertEquals("Pierwsze kroki", text("pl", "communityTopic.getting-started"), "default topics are labelled at once");
        assertEquals("${communityTopic.getting-started}", interests("tom").at("/annotations/inputOptionLabels/getting-started").asText());

        Map<String, Object> topics = Map.of("topics", List.of(
                topic("baking-science", Map.of("en", "Baking science", "pl", "Nauka o pieczeniu", "es", "Ciencia del horneado")),
                topic("how-to", null)));
        JsonNode stored = Expect.ok(api.put(realm.adminPath("/topics"), admin, topics), 200);
        assertEquals(Api.JSON.valueToTree(topics), stored);
        assertEquals(stored, Expect.ok(api.get(realm.adminPath("/topics"), admin), 200));
        JsonNode interests = interests("tom");
        assertEquals("[\"baking-science\",\"how-to\"]", interests.at("/validators/options/options").toString());
        assertEquals("${communityTopic.baking-science}", interests.at("/annotations/inputOptionLabels/baking-science").asText());
        assertEquals("Nauka o pieczeniu", text("pl", "communityTopic.baking-science"));
        assertEquals("Ciencia del horneado", text("es", "communityTopic.baking-science"));
        assertEquals("Poradniki", text("pl", "communityTopic.how-to"), "a default topic keeps our names");
        JsonNode realmTexts = Expect.ok(api.get("/admin/realms/" + realm.name + "/localization/pl", admin), 200);
        assertEquals("Nauka o pieczeniu", realmTexts.path("communityTopic.baking-science").asText());
        assertFalse(realmTexts.has("communityTopic.getting-started"), "a removed topic's texts are gone: " + realmTexts);
        assertFalse(interests.at("/annotations/inputOptionLabels").has("getting-started"));
        Expect.ok(api.updateAccount(realm.name, realm.token("tom"), Map.of("interests", List.of("baking-science"))), 204);

        JsonNode error = Expect.error(api.put(realm.adminPath("/topics"), admin,
                Map.of("topics", List.of(topic("bread", Map.of("pl", ""))))), 400, "invalid_topics");
        assertTrue(error.get("error_description").asText().startsWith("topics[0].names.pl"), error::toString);
        Expect.error(api.put(realm.adminPath("/topics"), admin, Map.of("topics", List.of(topic("Bad Id", null)))), 400, "invalid_topics");
        assertEquals(stored, Expect.ok(api.get(realm.adminPath("/topics"), admin), 200));
        assertEquals(1, realm.adminEvents("COMMUNITY_TOPICS").size());
    }

    private String member(String username) {
        String id = realm.createUser(username);
        Expect.ok(api.post(realm.path("/membership"), realm.token(username), null), 201);
        return id;
    }

    private JsonNode me(String username, String acceptLanguage) {
        Map<String, String> headers = acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage);
        return Expect.ok(api.send("GET", realm.path("/me"), realm.token(username), null, null, headers), 200).get("reputation");
    }

    /** The interests attribute as the Account Console's Personal info reads it. */
    private JsonNode interests(String username) {
        JsonNode account = Expect.ok(api.get("/realms/" + realm.name + "/account/?userProfileMetadata=true",
                realm.token(username)), 200);
        for (JsonNode attribute : account.at("/userProfileMetadata/attributes")) {
            if (attribute.get("name").asText().equals("interests")) {
                return attribute;
            }
        }
        throw new AssertionError("no interests in " + account);
    }

    /** A text as the Account Console loads it for a language (theme messages and the realm's texts). */
    private String text(String language, String key) {
        JsonNode texts = Expect.ok(api.get("/resources/" + realm.name + "/account/" + language, null), 200);
        for (JsonNode text : texts) {
            if (text.get("key").asText().equals(key)) {
                return text.get("value").asText();
            }
        }
        return null;
    }

    private static Map<String, Object> level(String id, int threshold, Map<String, String> names) {
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("name", id);
        level.put("threshold", threshold);
        level.put("names", names);
        return level;
    }

    private static Map<String, Object> topic(String id, Map<String, String> names) {
        Map<String, Object> topic = new LinkedHashMap<>();
        topic.put("id", id);
        if (names != null) {
            topic.put("names", names);
        }
        return topic;
    }
}
