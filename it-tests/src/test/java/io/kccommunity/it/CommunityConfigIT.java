package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /admin/realms/{realm}/community/config}: enabling, settings, permissions and bad input. */
@ExtendWith(RealKeycloak.class)
class CommunityConfigIT {

    private final Api api = Api.forServer();

    @Test
    void aRealmWithoutCommunityReportsItDisabledAndItsMemberEndpointsAnswer404() {
        TestRealm realm = TestRealm.create(api, "plain");
        JsonNode config = Expect.ok(api.get(realm.adminPath("/config"), api.adminToken()), 200);
        assertFalse(config.get("enabled").asBoolean());
        realm.createUser("ana");
        String token = realm.token("ana");
        Expect.error(api.get(realm.path("/me"), token), 404, "community_not_enabled");
        Expect.error(api.post(realm.path("/membership"), token, null), 404, "community_not_enabled");
        Expect.error(api.get(realm.adminPath("/members"), api.adminToken()), 404, "community_not_enabled");
        assertFalse(Api.claims(token).has("community"), "no claim without the scope");
    }

    @Test
    void enablingCreatesTheRolesAndTheCommunityScopeOfferedToExistingClients() {
        TestRealm realm = TestRealm.create(api, "enable");
        JsonNode config = realm.enableCommunity(Map.of("name", "Bakers' Circle", "joinPolicy", "approval"));
        assertEquals("Bakers' Circle", config.get("name").asText());
        assertEquals("approval", config.get("joinPolicy").asText());
        List<String> roles = names(api.get("/admin/realms/" + realm.name + "/roles", api.adminToken()).json());
        assertTrue(roles.containsAll(List.of("community-member", "community-advocate", "community-guru",
                "community-ambassador", "community-moderator", "community-board-member")), roles::toString);
        JsonNode scope = communityScope(realm);
        assertEquals("community-claim-mapper", scope.at("/protocolMappers/0/protocolMapper").asText());
        String appId = api.get("/admin/realms/" + realm.name + "/clients?clientId=" + TestRealm.APP, api.adminToken())
                .json().get(0).get("id").asText();
        List<String> optional = names(api.get("/admin/realms/" + realm.name + "/clients/" + appId + "/optional-client-scopes",
                api.adminToken()).json());
        assertTrue(optional.contains("community"), optional::toString);
        assertEquals(1, realm.adminEvents("COMMUNITY_CONFIG").size(), "one admin event for enabling");
    }

    @Test
    void enablingTwiceChangesNothingTheSecondTime() {
        TestRealm realm = TestRealm.create(api, "twice");
        realm.enableCommunity(Map.of("name", "Twice"));
        String before = snapshot(realm);
        int events = realm.adminEvents("COMMUNITY_CONFIG").size();
        realm.enableCommunity(Map.of("name", "Twice"));
        assertEquals(before, snapshot(realm));
        assertEquals(events, realm.adminEvents("COMMUNITY_CONFIG").size(), "no admin event for a no-op");
    }

    @Test
    void adoptsAnExistingRoleOfTheSameNameInsteadOfDuplicatingIt() {
        TestRealm realm = TestRealm.create(api, "adopt");
        Expect.ok(api.post("/admin/realms/" + realm.name + "/roles", api.adminToken(),
                Map.of("name", "community-guru", "description", "Our own gurus")), 201);
        realm.enableCommunity(Map.of());
        JsonNode guru = api.get("/admin/realms/" + realm.name + "/roles/community-guru", api.adminToken()).json();
        assertEquals("Our own gurus", guru.get("description").asText());
    }

    @Test
    void disablingKeepsMembersAndSettings() {
        TestRealm realm = TestRealm.create(api, "disable");
        realm.enableCommunity(Map.of("name", "Keepers"));
        realm.createUser("bob");
        Expect.ok(api.post(realm.path("/membership"), realm.token("bob"), null), 201);

        JsonNode off = Expect.ok(api.put(realm.adminPath("/config"), api.adminToken(), Map.of("enabled", false)), 200);
        assertFalse(off.get("enabled").asBoolean());
        assertEquals("Keepers", off.get("name").asText());
        assertFalse(Api.claims(realm.token("bob")).has("community"), "no claim while disabled");

        realm.enableCommunity(Map.of());
        JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("bob")), 200);
        assertTrue(me.at("/membership/member").asBoolean(), me::toString);
        assertEquals("Keepers", me.at("/community/name").asText());
    }

    @Test
    void settingsAreValidatedAndBadInputChangesNothing() {
        TestRealm realm = TestRealm.create(api, "validate");
        realm.enableCommunity(Map.of("name", "Stable", "codeOfConductUrl", "https://example.com/coc", "codeOfConductVersion", "1"));
        String before = api.get(realm.adminPath("/config"), api.adminToken()).body();
        String admin = api.adminToken();
        String path = realm.adminPath("/config");

        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, "{\"enabled\": tru"), 400, "invalid_request");
        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, "{\"enabled\": true, \"colour\": \"red\"}"), 400, "invalid_request");
        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, "[1, 2]"), 400, "invalid_request");
        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, "{\"name\": {\"nested\": 1}}"), 400, "invalid_request");
        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, "{\"enabled\": 12}"), 400, "invalid_request");
        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, "{\"name\": \"x\"} {}"), 400, "invalid_request");
        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, ""), 400, "invalid_request");
        Expect.error(api.send("PUT", path, admin, "text/plain", "{\"name\": \"x\"}"), 415);
        Expect.error(api.put(path, admin, Map.of("joinPolicy", "everyone")), 400, "invalid_joinPolicy");
        Expect.error(api.put(path, admin, Map.of("name", "x".repeat(101))), 400, "invalid_name");
        Expect.error(api.put(path, admin, Map.of("name", "bell\u0007")), 400, "invalid_name");
        Expect.error(api.put(path, admin, Map.of("codeOfConductUrl", "javascript:alert(1)")), 400, "invalid_codeOfConductUrl");
        Expect.error(api.put(path, admin, Map.of("codeOfConductUrl", "https://example.com/" + "a".repeat(3000))), 400, "invalid_codeOfConductUrl");
        Expect.error(api.put(path, admin, Map.of("codeOfConductVersion", "1; DROP TABLE COMMUNITY_MEMBER")), 400, "invalid_codeOfConductVersion");
        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, "{\"name\": \"" + "y".repeat(1_100_000) + "\"}"), 413);
        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, "[".repeat(5000) + "]".repeat(5000)), 400);
        Expect.error(api.send("PUT", path, admin, Api.JSON_TYPE, "{\"name\": \"\\ud800\"}"), 400, "invalid_name");
        Expect.error(api.put(path, admin, Map.of("name", "Bakers \ud83c\udf5e")), 400, "invalid_name");

        assertEquals(before, api.get(path, admin).body(), "rejected updates changed nothing");
    }

    /** The join card's pitch: admins write it per language, users who may join read it in /me. */
    @Test
    void aPitchPerLanguageRoundTripsAndReachesUsersWhoMayJoin() {
        TestRealm realm = TestRealm.create(api, "pitch");
        realm.enableCommunity(Map.of("name", "Bakers"));
        String admin = api.adminToken();
        String path = realm.adminPath("/config");
        int events = realm.adminEvents("COMMUNITY_CONFIG").size();
        Map<String, Object> pitch = Map.of(
                "description", Map.of("en", "We bake <b>bread</b>.\nEvery week.", "pl", "Pieczemy chleb."),
                "benefits", Map.of("en", List.of("Recipes", "Live classes"), "pl", List.of("Przepisy")));
        JsonNode saved = Expect.ok(api.put(path, admin, pitch), 200);
        assertEquals("We bake <b>bread</b>.\nEvery week.", saved.at("/description/en").asText(), saved::toString);
        assertFalse(saved.get("profileCompletionPostponable").asBoolean(), "off by default");
        JsonNode read = Expect.ok(api.get(path, admin), 200);
        assertEquals(saved, read);
        assertEquals("[\"Recipes\",\"Live classes\"]", read.at("/benefits/en").toString());
        assertEquals(events + 1, realm.adminEvents("COMMUNITY_CONFIG").size(), "an admin event for the change");
        Expect.ok(api.put(path, admin, pitch), 200);
        assertEquals(events + 1, realm.adminEvents("COMMUNITY_CONFIG").size(), "none for the same pitch again");

        realm.createUser("visitor");
        JsonNode community = Expect.ok(api.get(realm.path("/me"), realm.token("visitor")), 200).get("community");
        assertEquals("Pieczemy chleb.", community.at("/description/pl").asText(), community::toString);
        assertEquals("Przepisy", community.at("/benefits/pl/0").asText());
        assertFalse(community.has("enabled") || community.has("profileCompletionPostponable"), community::toString);

        String before = api.get(path, admin).body();
        Expect.error(api.put(path, admin, Map.of("description", List.of("x"))), 400, "invalid_request");
        Expect.error(api.put(path, admin, Map.of("description", Map.of("english", "x"))), 400, "invalid_description");
        Expect.error(api.put(path, admin, Map.of("description", Map.of("en", "d".repeat(1001)))), 400, "invalid_description");
        Expect.error(api.put(path, admin, Map.of("description", Map.of("en", "bread \ud83c\udf5e"))), 400, "invalid_description");
        Expect.error(api.put(path, admin, Map.of("benefits", Map.of("en", "Recipes"))), 400, "invalid_request");
        Expect.error(api.put(path, admin, Map.of("benefits", Map.of("en", java.util.Collections.nCopies(9, "x")))), 400, "invalid_benefits");
        Expect.error(api.put(path, admin, Map.of("benefits", Map.of("en", List.of("b".repeat(121))))), 400, "invalid_benefits");
        Expect.error(api.put(path, admin, Map.of("profileCompletionPostponable", "yes")), 400, "invalid_request");
        assertEquals(before, api.get(path, admin).body(), "rejected updates changed nothing");

        JsonNode cleared = Expect.ok(api.put(path, admin, Map.of("description", Map.of(), "benefits", Map.of())), 200);
        assertEquals(0, cleared.get("description").size() + cleared.get("benefits").size(), cleared::toString);
    }

    @Test
    void hostileButPrintableNamesAreStoredVerbatimAndReturnedAsJsonStrings() {
        TestRealm realm = TestRealm.create(api, "hostile");
        for (String name : List.of("<script>alert('x')</script>", "'; DROP TABLE COMMUNITY_MEMBER; --",
                "\u05e7\u05d4\u05d9\u05dc\u05d4 \u202eevil", "Bakers\u200b Circle", "\u0411\u044a\u043b\u0433\u0430\u0440\u0438\u044f")) {
            JsonNode config = realm.enableCommunity(Map.of("name", name));
            assertEquals(name, config.get("name").asText());
            assertEquals(name, api.get(realm.adminPath("/config"), api.adminToken()).json().get("name").asText());
        }
    }

    @Test
    void callersWithoutAdminRightsAreRefusedBeforeAnythingIsRead() {
        TestRealm realm = TestRealm.create(api, "rights");
        realm.enableCommunity(Map.of());
        realm.createUser("plain");
        String viewerId = realm.createUser("viewer");
        realm.grantRealmManagementRole(viewerId, "view-realm");
        String path = realm.adminPath("/config");

        Expect.unauthorized(api.get(path, null));
        Expect.unauthorized(api.put(path, null, Map.of("enabled", false)));
        Expect.unauthorized(api.get(path, "not-a-token"));
        Expect.error(api.get(path, realm.token("plain")), 403);
        Expect.error(api.put(path, realm.token("plain"), Map.of("enabled", false)), 403);
        Expect.ok(api.get(path, realm.token("viewer")), 200);
        Expect.error(api.put(path, realm.token("viewer"), Map.of("enabled", false)), 403);

        TestRealm other = TestRealm.create(api, "other");
        String otherAdmin = other.createUser("boss");
        other.grantRealmManagementRole(otherAdmin, "realm-admin");
        Api.Reply foreign = api.put(path, other.token("boss"), Map.of("enabled", false));
        assertTrue(foreign.status() == 401 || foreign.status() == 403, foreign::toString);
        assertTrue(api.get(path, api.adminToken()).json().get("enabled").asBoolean(), "still enabled");
    }

    @Test
    void concurrentEnablingCreatesOneScopeAndNoServerError() throws Exception {
        TestRealm realm = TestRealm.create(api, "race");
        String admin = api.adminToken();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> api.put(realm.adminPath("/config"), admin, Map.of("enabled", true)));
            }
            for (Future<Api.Reply> reply : pool.invokeAll(calls)) {
                Api.Reply r = reply.get();
                assertTrue(r.status() == 200 || r.status() == 409, r::toString);
            }
        } finally {
            pool.shutdownNow();
        }
        realm.enableCommunity(Map.of());
        long scopes = names(api.get("/admin/realms/" + realm.name + "/client-scopes", admin).json()).stream()
                .filter("community"::equals).count();
        assertEquals(1, scopes);
        long memberRoles = names(api.get("/admin/realms/" + realm.name + "/roles", admin).json()).stream()
                .filter("community-member"::equals).count();
        assertEquals(1, memberRoles);
    }

    private JsonNode communityScope(TestRealm realm) {
        for (JsonNode scope : api.get("/admin/realms/" + realm.name + "/client-scopes", api.adminToken()).json()) {
            if ("community".equals(scope.get("name").asText())) {
                return scope;
            }
        }
        throw new AssertionError("no community client scope");
    }

    /** Roles, client scopes with their mappers, and settings: what enabling may create or change. */
    private String snapshot(TestRealm realm) {
        String admin = api.adminToken();
        return api.get("/admin/realms/" + realm.name + "/roles", admin).body()
                + api.get("/admin/realms/" + realm.name + "/client-scopes", admin).body()
                + api.get(realm.adminPath("/config"), admin).body();
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }
}
