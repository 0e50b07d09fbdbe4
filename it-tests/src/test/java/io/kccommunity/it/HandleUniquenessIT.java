package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One handle, one user, whichever way a user gets it: registration, admin create and update, Account
 * REST, partial import. Lookups by handle ({@code /members/{handle}}, reputation events by handle)
 * reach the registry's holder. Every user here gets their username as display name, so a lookup
 * shows whom a handle reached.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandleUniquenessIT {

    private Api api;
    private TestRealm realm;

    @BeforeAll
    void realmOpenForRegistration() {
        api = Api.forServer();
        realm = TestRealm.create(api, "handles");
        realm.enableCommunity(Map.of());
        ObjectNode settings = (ObjectNode) api.get("/admin/realms/" + realm.name, api.adminToken()).json();
        settings.put("registrationAllowed", true);
        settings.put("loginTheme", "community");
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), settings), 204);
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, "view-members");
    }

    @Test
    void concurrentRegistrationsWithOneHandleMakeOneHolderAndFieldErrors() throws Exception {
        List<String> handles = List.of("crumb.queen", "crumb.queen", "crumb.queen", "crumb.queen", "Crumb.Queen");
        List<BrowserFlow> browsers = new ArrayList<>();
        List<Callable<BrowserFlow.Page>> submits = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            BrowserFlow browser = new BrowserFlow(api.baseUrl());
            assertEquals(200, browser.openRegistration(realm.name, null).status());
            browsers.add(browser);
            String username = "reg-" + i;
            Map<String, String> fields = new HashMap<>(Map.of("username", username, "email", username + "@example.com",
                    "firstName", "Reg", "lastName", "Istered", "password", "pw-" + username,
                    "password-confirm", "pw-" + username, "handle", handles.get(i), "displayName", username,
                    "communityJoin", "on"));
            submits.add(() -> browser.submit(fields));
        }
        List<BrowserFlow.Page> pages = all(submits);

        Messages english = Messages.of("en");
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            BrowserFlow.Page page = pages.get(i);
            if (page.reachedApp()) {
                winners.add("reg-" + i);
            } else {
                assertEquals(200, page.status(), page::toString);
                String expected = english.shared(i == handles.size() - 1 ? "communityHandleInvalid" : "communityHandleTaken");
                assertTrue(page.body().contains(expected), () -> "the form names the handle's problem: " + page.body());
                assertEquals(List.of(), users(realm, "username=reg-" + i + "&exact=true"), "a refused registration creates no user");
            }
        }
        assertEquals(1, winners.size(), () -> "exactly one registration wins: " + pages);
        assertFalse(winners.contains("reg-" + (handles.size() - 1)), "the case variant is refused as it is");
        assertEquals("crumb.queen", handleOf(realm, idOf(realm, winners.get(0))));
        assertEquals(winners.get(0), holder(realm, "crumb.queen"));
    }

    @Test
    void concurrentAdminCreatesWithOneHandleInAnyCaseMakeOne() throws Exception {
        List<String> handles = List.of("ana.bakes", "ana.bakes", "Ana.Bakes", "ana.bakes", "ANA.BAKES", "ana.bakes");
        List<Callable<Api.Reply>> creates = new ArrayList<>();
        for (int i = 0; i < handles.size(); i++) {
            String username = "adm-" + i;
            String handle = handles.get(i);
            creates.add(() -> api.post("/admin/realms/" + realm.name + "/users", api.adminToken(), user(username, handle)));
        }
        List<Api.Reply> replies = all(creates);

        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        int taken = 0;
        for (int i = 0; i < replies.size(); i++) {
            Api.Reply reply = replies.get(i);
            if (reply.status() != 201) {
                boolean lowerCase = handles.get(i).equals("ana.bakes");
                Expect.fieldError(reply, "handle", lowerCase ? "communityHandleTaken" : "communityHandleInvalid");
                taken += lowerCase ? 1 : 0;
                assertEquals(List.of(), users(realm, "username=adm-" + i + "&exact=true"), "a refused create creates no user");
            }
        }
        assertEquals(3, taken, replies::toString);
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).status() == 201 && "ana.bakes".equals(handleOf(realm, idOf(realm, "adm-" + i)))) {
                holders.add("adm-" + i);
            }
        }
        assertEquals(1, holders.size(), holders::toString);
        String winner = holders.get(0);
        join(realm, winner);
        assertEquals(winner, holder(realm, "ana.bakes"));
        assertEquals(winner, holder(realm, "ANA.Bakes"), "a handle resolves in any letter case");
    }

    @Test
    void adminAndAccountUpdatesToATakenHandleAreRefusedAndChangeNothing() {
        String ownerId = created(realm, "owner", "first.loaf");
        String otherId = created(realm, "other", "second.loaf");
        join(realm, "owner");
        join(realm, "other");

        JsonNode other = Expect.ok(api.get(userPath(realm, otherId), api.adminToken()), 200);
        ((ObjectNode) other.get("attributes")).set("handle", Api.JSON.valueToTree(List.of("first.loaf")));
        Expect.fieldError(api.put(userPath(realm, otherId), api.adminToken(), other), "handle", "communityHandleTaken");

        Expect.fieldError(api.updateAccount(realm.name, realm.token("other"), Map.of("handle", List.of("first.loaf"))),
                "handle", "communityHandleTaken");
        // a free handle in a save refused for another field is not kept either
        Expect.fieldError(api.updateAccount(realm.name, realm.token("other"), Map.of("handle", List.of("third.loaf"),
                "website", List.of("javascript:alert(1)"))), "website", null);

        assertEquals("second.loaf", handleOf(realm, otherId));
        assertEquals("first.loaf", handleOf(realm, ownerId));
        assertEquals("owner", holder(realm, "first.loaf"));
        assertEquals("other", holder(realm, "second.loaf"));
        Expect.error(api.get(realm.path("/members/third.loaf"), realm.serviceToken()), 404, "profile_not_found");
        Expect.ok(api.updateAccount(realm.name, realm.token("owner"), Map.of("handle", List.of("third.loaf"))), 204);
        assertEquals("owner", holder(realm, "third.loaf"));
        assertNoHolder(realm, "first.loaf");
    }

    @Test
    void aPartialImportWithDuplicateHandlesLeavesOneHolderEach() {
        String keeperId = created(realm, "keeper", "rye.loaf");
        join(realm, "keeper");
        List<Map<String, Object>> users = new ArrayList<>();
        List<String> names = List.of("imp-1", "imp-2", "imp-3", "imp-4");
        List<String> handles = List.of("dup.crust", "Dup.Crust", "dup.crust", "rye.loaf");
        for (int i = 0; i < names.size(); i++) {
            Map<String, Object> user = new HashMap<>(user(names.get(i), handles.get(i)));
            user.put("realmRoles", List.of("default-roles-" + realm.name));
            users.add(user);
        }
        Expect.ok(api.post("/admin/realms/" + realm.name + "/partialImport", api.adminToken(),
                Map.of("ifResourceExists", "FAIL", "users", users)), 200);

        List<String> dupHolders = new ArrayList<>();
        for (String name : names.subList(0, 3)) {
            String handle = handleOf(realm, idOf(realm, name));
            assertTrue(handle == null || handle.equals("dup.crust"), () -> name + "'s handle is normalised or removed: " + handle);
            if (handle != null) {
                dupHolders.add(name);
            }
            join(realm, name);
        }
        assertEquals(1, dupHolders.size(), dupHolders::toString);
        assertEquals(dupHolders.get(0), holder(realm, "dup.crust"));
        assertEquals(null, handleOf(realm, idOf(realm, "imp-4")), "the handle keeper held is removed from the imported user");
        assertEquals("rye.loaf", handleOf(realm, keeperId));
        assertEquals("keeper", holder(realm, "rye.loaf"));

        Api.Reply event = api.post(realm.path("/reputation/events"), realm.serviceToken(),
                Map.of("handle", "DUP.crust", "type", "answer-accepted", "key", "dup-1"));
        assertEquals(idOf(realm, dupHolders.get(0)), Expect.ok(event, 201).get("userId").asText(), "points by handle reach the holder");
    }

    @Test
    void aRealmImportWithDuplicateHandlesLeavesOneHolder() {
        List<String> names = List.of("first", "second", "third");
        TestRealm imported = TestRealm.create(api, "handle-import", Map.of("users", List.of(user("first", "same.name"),
                user("second", "SAME.Name"), user("third", "same.name"))));
        imported.enableCommunity(Map.of());
        List<String> holders = new ArrayList<>();
        for (String name : names) {
            String handle = handleOf(imported, idOf(imported, name));
            assertTrue(handle == null || handle.equals("same.name"), () -> name + "'s handle is normalised or removed: " + handle);
            if (handle != null) {
                holders.add(name);
            }
            join(imported, name);
        }
        assertEquals(1, holders.size(), holders::toString);
        assertEquals(holders.get(0), holder(imported, "same.name"));
    }

    @Test
    void aRemovedUsersOrClearedHandleCanBeClaimedAgain() {
        String leaverId = created(realm, "leaver", "short.stay");
        Expect.fieldError(api.post("/admin/realms/" + realm.name + "/users", api.adminToken(), user("early", "short.stay")),
                "handle", "communityHandleTaken");
        Expect.ok(api.delete(userPath(realm, leaverId), api.adminToken()), 204);
        created(realm, "arriver", "short.stay");
        join(realm, "arriver");
        assertEquals("arriver", holder(realm, "short.stay"));

        Expect.ok(api.updateAccount(realm.name, realm.token("arriver"), Map.of("handle", List.of())), 204);
        assertNoHolder(realm, "short.stay");
        created(realm, "late", "short.stay");
        join(realm, "late");
        assertEquals("late", holder(realm, "short.stay"));
    }

    private static Map<String, Object> user(String username, String handle) {
        return Map.of("username", username, "enabled", true, "email", username + "@example.com", "emailVerified", true,
                "firstName", "First", "lastName", "Last",
                "attributes", Map.of("handle", List.of(handle), "displayName", List.of(username)),
                "credentials", List.of(Map.of("type", "password", "value", "pw-" + username, "temporary", false)));
    }

    /** Creates a user through the admin REST API with a handle; returns the user id. */
    private String created(TestRealm realm, String username, String handle) {
        Api.Reply reply = api.post("/admin/realms/" + realm.name + "/users", api.adminToken(), user(username, handle));
        assertEquals(201, reply.status(), () -> "creating " + username + ": " + reply);
        String location = reply.headers().get("location").get(0);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private void join(TestRealm realm, String username) {
        Expect.ok(api.post(realm.path("/membership"), realm.token(username), null), 201);
    }

    /**
     * Who holds the handle: exactly one user of the realm has it (in any letter case), and when they are
     * a member, {@code /members/{handle}} shows them (only active members have a profile).
     */
    private String holder(TestRealm realm, String handle) {
        List<JsonNode> holders = holders(realm, handle);
        assertEquals(1, holders.size(), () -> "holders of " + handle + ": " + holders);
        String username = holders.get(0).get("username").asText();
        Api.Reply profile = api.get(realm.path("/members/" + handle), realm.serviceToken());
        if (profile.status() == 200) {
            assertEquals(username, profile.json().get("displayName").asText(), "the profile of the registry's holder");
        } else {
            Expect.error(profile, 404, "profile_not_found");
        }
        return username;
    }

    private void assertNoHolder(TestRealm realm, String handle) {
        assertEquals(List.of(), holders(realm, handle), "nobody holds " + handle);
        Expect.error(api.get(realm.path("/members/" + handle), realm.serviceToken()), 404, "profile_not_found");
    }

    private List<JsonNode> holders(TestRealm realm, String handle) {
        JsonNode users = Expect.ok(api.get("/admin/realms/" + realm.name + "/users?max=1000&briefRepresentation=false",
                api.adminToken()), 200);
        List<JsonNode> found = new ArrayList<>();
        users.forEach(u -> {
            if (handle.equalsIgnoreCase(u.at("/attributes/handle/0").asText(""))) {
                found.add(u);
            }
        });
        return found;
    }

    private String handleOf(TestRealm realm, String userId) {
        return Expect.ok(api.get(userPath(realm, userId), api.adminToken()), 200).at("/attributes/handle/0").asText(null);
    }

    private String idOf(TestRealm realm, String username) {
        List<JsonNode> found = users(realm, "username=" + username + "&exact=true");
        assertEquals(1, found.size(), () -> username + ": " + found);
        return found.get(0).get("id").asText();
    }

    private List<JsonNode> users(TestRealm realm, String query) {
        List<JsonNode> found = new ArrayList<>();
        Expect.ok(api.get("/admin/realms/" + realm.name + "/users?" + query, api.adminToken()), 200).forEach(found::add);
        return found;
    }

    private String userPath(TestRealm realm, String userId) {
        return "/admin/realms/" + realm.name + "/users/" + userId;
    }

    /** Runs the calls at the same moment, one thread each, and returns their answers in order. */
    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
