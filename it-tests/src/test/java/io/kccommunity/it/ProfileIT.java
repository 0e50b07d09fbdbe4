package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Community profiles: fields in the declarative user profile, edited through the Account REST API. */
@ExtendWith(RealKeycloak.class)
class ProfileIT {

    private final Api api = Api.forServer();

    @Test
    void enablingAddsTheProfileFieldsOnceAndNeverUndoesAnAdminsChange() {
        TestRealm realm = TestRealm.create(api, "schema");
        realm.enableCommunity(Map.of());
        String admin = api.adminToken();
        String profilePath = "/admin/realms/" + realm.name + "/users/profile";
        JsonNode config = Expect.ok(api.get(profilePath, admin), 200);
        List<String> attributes = new ArrayList<>();
        config.get("attributes").forEach(a -> attributes.add(a.get("name").asText()));
        assertTrue(attributes.containsAll(List.of("handle", "displayName", "bio", "interests", "location", "website",
                "avatarUrl", "languages", "profileVisibility", "newsletter")), attributes::toString);
        assertTrue(config.get("groups").toString().contains("community-profile"));
        assertEquals("Profil w spo\u0142eczno\u015bci",
                Expect.ok(api.get("/admin/realms/" + realm.name + "/localization/pl", admin), 200).get("communityProfileHeader").asText());

        ObjectNode changed = (ObjectNode) config.deepCopy();
        for (JsonNode attribute : changed.get("attributes")) {
            if ("bio".equals(attribute.get("name").asText())) {
                ((ObjectNode) attribute.get("validations").get("length")).put("max", 300);
            }
        }
        Expect.ok(api.put(profilePath, admin, changed), 200);
        Expect.ok(api.put(realm.adminPath("/config"), admin, Map.of("enabled", false)), 200);
        realm.enableCommunity(Map.of());
        assertTrue(api.get(profilePath, admin).body().contains("\"max\":300"), "the admin's change survives re-enabling");
    }

    /** A realm set up by an earlier release (schema version 1) gets only the fields added since. */
    @Test
    void anUpgradeAddsOnlyTheFieldsOfNewerSchemaVersions() {
        TestRealm realm = TestRealm.create(api, "upgrade");
        realm.enableCommunity(Map.of());
        String admin = api.adminToken();
        String profilePath = "/admin/realms/" + realm.name + "/users/profile";
        ObjectNode config = (ObjectNode) Expect.ok(api.get(profilePath, admin), 200);
        var kept = Api.JSON.createArrayNode();
        config.get("attributes").forEach(a -> {
            if (!List.of("bio", "reputation", "badges", "circles").contains(a.get("name").asText())) {
                kept.add(a);
            }
            if (a.get("name").asText().equals("interests")) {
                // as a version 2 realm had it, with an option the admin added by hand
                ((ObjectNode) a.get("annotations")).remove("inputOptionLabels");
                ((ObjectNode) a.at("/validations/options")).set("options", Api.JSON.valueToTree(List.of("how-to", "baking")));
            }
        });
        config.set("attributes", kept);
        Expect.ok(api.put(profilePath, admin, config), 200);
        Expect.ok(api.put("/admin/realms/" + realm.name, admin, Map.of("attributes", Map.of("community.profileSchema", "1"))), 204);

        Expect.ok(api.put(realm.adminPath("/config"), admin, Map.of("enabled", false)), 200);
        realm.enableCommunity(Map.of());
        List<String> attributes = new ArrayList<>();
        Expect.ok(api.get(profilePath, admin), 200).get("attributes").forEach(a -> attributes.add(a.get("name").asText()));
        assertTrue(attributes.containsAll(List.of("reputation", "badges", "circles")), "version 2 and 4 fields added: " + attributes);
        assertFalse(attributes.contains("bio"), "a version 1 field the admin removed stays removed: " + attributes);
        assertEquals("4", Expect.ok(api.get("/admin/realms/" + realm.name, admin), 200).at("/attributes/community.profileSchema").asText());
        JsonNode interests = null;
        for (JsonNode a : Expect.ok(api.get(profilePath, admin), 200).get("attributes")) {
            interests = a.get("name").asText().equals("interests") ? a : interests;
        }
        assertEquals("[\"how-to\",\"baking\"]", interests.at("/validations/options/options").toString(), "the admin's options stay");
        assertEquals("{\"how-to\":\"${communityTopic.how-to}\"}", interests.at("/annotations/inputOptionLabels").toString(),
                "version 3 labels the options that have names");
    }

    @Test
    void aMemberEditsTheProfileThroughTheAccountApiAndItShowsInProfileDirectoryAndToken() {
        TestRealm realm = TestRealm.create(api, "profile");
        realm.enableCommunity(Map.of());
        realm.createUser("ana");
        realm.createUser("ben");
        join(realm, "ana");
        join(realm, "ben");

        saveProfile(realm, "ana", Map.of("handle", List.of("ana.bakes"), "displayName", List.of("Ana Bakes"),
                "bio", List.of("<script>alert('x')</script> Sourdough since 2019; DROP TABLE users;"),
                "interests", List.of("how-to", "showcase"), "profileVisibility", List.of("public"),
                "website", List.of("https://ana.example/bread"), "languages", List.of("en", "es")), 204);

        JsonNode profile = Expect.ok(api.get(realm.path("/members/ana.bakes"), null), 200);
        assertEquals("Ana Bakes", profile.get("displayName").asText());
        assertEquals("<script>alert('x')</script> Sourdough since 2019; DROP TABLE users;", profile.get("bio").asText());
        assertEquals("public", profile.get("visibility").asText());
        assertFalse(profile.toString().contains("@example.com"), "no email: " + profile);
        assertFalse(profile.has("email") || profile.has("firstName") || profile.has("username"), profile::toString);

        JsonNode directory = Expect.ok(api.get(realm.path("/members?interest=how-to"), realm.token("ben")), 200);
        assertEquals(1, directory.size(), directory::toString);
        assertEquals("ana.bakes", directory.get(0).get("handle").asText());
        assertEquals(1, Expect.ok(api.get(realm.path("/members?search=BAKES"), realm.token("ben")), 200).size());
        assertEquals(0, Expect.ok(api.get(realm.path("/members?search=%25"), realm.token("ben")), 200).size());
        assertEquals(0, Expect.ok(api.get(realm.path("/members?interest=events"), realm.token("ben")), 200).size());

        JsonNode claims = Api.claims(realm.token("ana"));
        assertEquals("ana.bakes", claims.at("/community/handle").asText(), claims::toString);
        assertFalse(claims.at("/community").has("displayName"), "display name is off by default");
        switchOnDisplayNameInTheClaim(realm);
        assertEquals("Ana Bakes", Api.claims(realm.token("ana")).at("/community/displayName").asText());

        JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("ana")), 200);
        assertEquals("ana.bakes", me.at("/profile/handle").asText());
        assertEquals(75, me.at("/profile/completeness").asInt(), me::toString);
        assertEquals("[\"location\",\"avatarUrl\"]", me.at("/profile/missing").toString(), "the empty fields, by attribute");
    }

    @Test
    void visibilityDecidesWhoSeesAProfile() {
        TestRealm realm = TestRealm.create(api, "visibility");
        realm.enableCommunity(Map.of());
        for (String user : List.of("pub", "mem", "priv", "reader", "outsider", "moderator")) {
            realm.createUser(user);
        }
        for (String member : List.of("pub", "mem", "priv", "reader")) {
            join(realm, member);
        }
        realm.grantRealmManagementRole(api.get("/admin/realms/" + realm.name + "/users?username=moderator&exact=true",
                api.adminToken()).json().get(0).get("id").asText(), "view-users");
        saveProfile(realm, "pub", Map.of("handle", List.of("pub-1"), "profileVisibility", List.of("public")), 204);
        saveProfile(realm, "mem", Map.of("handle", List.of("mem-1"), "profileVisibility", List.of("members")), 204);
        saveProfile(realm, "priv", Map.of("handle", List.of("priv-1"), "profileVisibility", List.of("private")), 204);

        Map<String, String> viewers = new java.util.LinkedHashMap<>();
        viewers.put("anonymous", null);
        viewers.put("non-member", realm.token("outsider"));
        viewers.put("member", realm.token("reader"));
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, "view-members");
        viewers.put("app", realm.serviceToken());
        viewers.put("admin", realm.token("moderator"));
        // expected visibility of pub-1, mem-1, priv-1 for each viewer
        Map<String, List<Boolean>> expected = Map.of(
                "anonymous", List.of(true, false, false),
                "non-member", List.of(true, false, false),
                "member", List.of(true, true, false),
                "app", List.of(true, true, false),
                "admin", List.of(true, true, true));
        List<String> handles = List.of("pub-1", "mem-1", "priv-1");
        for (Map.Entry<String, String> viewer : viewers.entrySet()) {
            for (int i = 0; i < handles.size(); i++) {
                Api.Reply reply = api.get(realm.path("/members/" + handles.get(i)), viewer.getValue());
                if (expected.get(viewer.getKey()).get(i)) {
                    assertEquals(200, reply.status(), viewer.getKey() + " should see " + handles.get(i) + ": " + reply);
                } else {
                    Expect.error(reply, 404, "profile_not_found");
                }
            }
        }
        assertEquals(200, api.get(realm.path("/members/priv-1"), realm.token("priv")).status(), "owners see their own");

        JsonNode directory = Expect.ok(api.get(realm.path("/members?max=100"), realm.token("reader")), 200);
        assertFalse(directory.toString().contains("priv-1"), "private profiles are never listed");
        assertFalse(directory.toString().contains("@example.com"), "no email in the directory");
        assertTrue(directory.toString().contains("mem-1") && directory.toString().contains("pub-1"));
        Expect.error(api.get(realm.path("/members"), realm.token("outsider")), 403);
        Expect.error(api.get(realm.path("/members"), null), 401);
        Expect.error(api.get(realm.path("/members?max=500"), realm.token("reader")), 400);
        Expect.error(api.get(realm.path("/members?search=" + "x".repeat(101)), realm.token("reader")), 400);
        Expect.error(api.get(realm.path("/members/%3Cscript%3Ealert(1)%3C%2Fscript%3E"), null), 404, "profile_not_found");
        Expect.error(api.get(realm.path("/members/" + "a".repeat(1000)), null), 404, "profile_not_found");
        Expect.error(api.get(realm.path("/members/pub-1"), "not.a.token"), 401, "invalid_token");
        TestRealm foreign = TestRealm.create(api, "foreign-viewer");
        foreign.enableCommunity(Map.of());
        foreign.createUser("visitor");
        Expect.error(api.get(realm.path("/members"), foreign.token("visitor")), 401, "invalid_token");
    }

    @Test
    void badProfileInputIsAFieldErrorAndChangesNothing() {
        TestRealm realm = TestRealm.create(api, "badprofile");
        realm.enableCommunity(Map.of());
        realm.createUser("owner");
        realm.createUser("other");
        join(realm, "owner");
        saveProfile(realm, "owner", Map.of("handle", List.of("taken"), "bio", List.of("original")), 204);

        Expect.fieldError(saveProfile(realm, "other", Map.of("handle", List.of("taken")), 400), "handle", "communityHandleTaken");
        Expect.fieldError(saveProfile(realm, "other", Map.of("handle", List.of("Taken")), 400), "handle", "communityHandleInvalid");
        Expect.fieldError(saveProfile(realm, "other", Map.of("handle", List.of("\u0430\u043d\u043d\u0430")), 400), "handle", "communityHandleInvalid");
        Expect.fieldError(saveProfile(realm, "other", Map.of("handle", List.of("admin")), 400), "handle", "communityHandleReserved");
        Expect.fieldError(saveProfile(realm, "owner", Map.of("bio", List.of("b".repeat(10_000))), 400), "bio", null);
        Expect.fieldError(saveProfile(realm, "owner", Map.of("website", List.of("javascript:alert(1)")), 400), "website", null);
        Expect.fieldError(saveProfile(realm, "owner", Map.of("interests", List.of("<img src=x onerror=alert(1)>")), 400), "interests", null);
        Expect.fieldError(saveProfile(realm, "owner", Map.of("profileVisibility", List.of("everyone")), 400), "profileVisibility", null);

        JsonNode account = Expect.ok(api.get("/realms/" + realm.name + "/account/", realm.token("owner")), 200);
        assertEquals("taken", account.at("/attributes/handle/0").asText());
        assertEquals("original", account.at("/attributes/bio/0").asText());
        assertFalse(Expect.ok(api.get("/realms/" + realm.name + "/account/", realm.token("other")), 200)
                .path("attributes").has("handle"), "refused saves wrote nothing");
    }

    @Test
    void twoUsersSavingOneHandleAtOnceGetOneWinnerAndOneFieldError() throws Exception {
        TestRealm realm = TestRealm.create(api, "handlerace");
        realm.enableCommunity(Map.of());
        List<String> users = List.of("racer1", "racer2", "racer3", "racer4");
        for (String user : users) {
            realm.createUser(user);
        }
        for (int round = 0; round < 3; round++) {
            String handle = "contested-" + round;
            ExecutorService pool = Executors.newFixedThreadPool(users.size());
            List<Callable<Api.Reply>> saves = new ArrayList<>();
            for (String user : users) {
                String token = realm.token(user);
                saves.add(() -> saveProfileWith(realm, user, token, Map.of("handle", List.of(handle))));
            }
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> f : pool.invokeAll(saves)) {
                replies.add(f.get());
            }
            pool.shutdownNow();
            assertEquals(1, replies.stream().filter(r -> r.status() == 204).count(), replies::toString);
            replies.stream().filter(r -> r.status() != 204).forEach(r -> Expect.fieldError(r, "handle", "communityHandleTaken"));
            long holders = users.stream().filter(u -> handle.equals(
                    api.get("/realms/" + realm.name + "/account/", realm.token(u)).json().at("/attributes/handle/0").asText()))
                    .count();
            assertEquals(1, holders, "exactly one user holds " + handle);
        }
    }

    /** What an admin does in Client scopes, community, Mappers: switch a part of the claim on. */
    private void switchOnDisplayNameInTheClaim(TestRealm realm) {
        String admin = api.adminToken();
        for (JsonNode scope : api.get("/admin/realms/" + realm.name + "/client-scopes", admin).json()) {
            if ("community".equals(scope.get("name").asText())) {
                ObjectNode mapper = (ObjectNode) scope.get("protocolMappers").get(0);
                ((ObjectNode) mapper.get("config")).put("community.displayName", "true");
                Expect.ok(api.put("/admin/realms/" + realm.name + "/client-scopes/" + scope.get("id").asText()
                        + "/protocol-mappers/models/" + mapper.get("id").asText(), admin, mapper), 204);
            }
        }
    }

    private void join(TestRealm realm, String user) {
        Expect.ok(api.post(realm.path("/membership"), realm.token(user), null), 201);
    }

    private Api.Reply saveProfile(TestRealm realm, String user, Map<String, List<String>> changes, int expectedStatus) {
        Api.Reply reply = saveProfileWith(realm, user, realm.token(user), changes);
        assertEquals(expectedStatus, reply.status(), () -> "saving " + changes.keySet() + " of " + user + ": " + reply);
        return reply;
    }

    private Api.Reply saveProfileWith(TestRealm realm, String user, String token, Map<String, List<String>> changes) {
        return api.updateAccount(realm.name, token, changes);
    }
}
