package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh realm on the real server with a public app client ({@value #APP}) whose tokens name the
 * confidential backend client ({@value #SERVICE}, with a service account) as audience, and admin
 * events switched on. Test classes create their
 * own, so they never see each other's data.
 */
public final class TestRealm {

    public static final String APP = "community-app";
    public static final String SERVICE = "community-service";
    public static final String SERVICE_SECRET = "service-secret";
    /** What the test app asks for: reading community data, and acting for the member (the admin allowed it). */
    public static final String SCOPE = "openid community community-participation";
    /** What an app that only reads asks for. */
    public static final String READ_SCOPE = "openid community";
    public static final String PARTICIPATION = "community-participation";

    public final Api api;
    public final String name;
    private boolean communityScope;

    private TestRealm(Api api, String name) {
        this.api = api;
        this.name = name;
    }

    public static TestRealm create(Api api, String prefix) {
        return create(api, prefix, Map.of());
    }

    /** As {@link #create(Api, String)}, with more fields of the realm representation (e.g. {@code users}). */
    public static TestRealm create(Api api, String prefix, Map<String, Object> more) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> realm = new java.util.HashMap<>(more);
        realm.putAll(Map.of("realm", name, "enabled", true,
                "adminEventsEnabled", true, "adminEventsDetailsEnabled", true,
                "clients", List.of(
                        Map.of("clientId", APP, "publicClient", true, "directAccessGrantsEnabled", true,
                                "standardFlowEnabled", true, "redirectUris", List.of("http://localhost/*"),
                                "webOrigins", List.of("http://app.example"),
                                // the backend introspects the app's tokens, so it must be in their audience
                                "protocolMappers", List.of(Map.of("name", "backend-audience", "protocol", "openid-connect",
                                        "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                                "included.client.audience", SERVICE, "access.token.claim", "true",
                                                "introspection.token.claim", "true")))),
                        Map.of("clientId", SERVICE, "publicClient", false, "secret", SERVICE_SECRET,
                                "serviceAccountsEnabled", true, "directAccessGrantsEnabled", true,
                                "standardFlowEnabled", false))));
        Api.Reply created = api.post("/admin/realms", api.adminToken(), realm);
        assertEquals(201, created.status(), () -> "creating realm " + name + ": " + created);
        return new TestRealm(api, name);
    }

    /** A realm with the community enabled that already exists on the server {@code api} talks to. */
    public static TestRealm existing(Api api, String name) {
        TestRealm realm = new TestRealm(api, name);
        realm.communityScope = true;
        return realm;
    }

    /** The same realm seen through another node of the cluster. */
    public TestRealm on(Api otherNode) {
        TestRealm view = new TestRealm(otherNode, name);
        view.communityScope = communityScope;
        return view;
    }

    /** Enables the community with the given settings (merged over the current ones). */
    public JsonNode enableCommunity(Map<String, Object> settings) {
        Map<String, Object> body = new java.util.HashMap<>(settings);
        body.put("enabled", true);
        Api.Reply reply = api.put(adminPath("/config"), api.adminToken(), body);
        assertEquals(200, reply.status(), () -> "enabling the community: " + reply);
        if (!communityScope) {
            allowParticipation(api, name, APP);
        }
        communityScope = true;
        return reply.json();
    }

    /** What an admin does to let an app act for members: add the participation scope to the client as an optional scope. */
    public static void allowParticipation(Api api, String realm, String clientId) {
        String admin = api.adminToken();
        String clientUuid = api.get("/admin/realms/" + realm + "/clients?clientId=" + clientId, admin).json().get(0).get("id").asText();
        String scopeId = java.util.stream.StreamSupport.stream(api.get("/admin/realms/" + realm + "/client-scopes", admin).json()
                        .spliterator(), false)
                .filter(s -> PARTICIPATION.equals(s.get("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("enabling the community creates the scope " + PARTICIPATION))
                .get("id").asText();
        Api.Reply reply = api.put("/admin/realms/" + realm + "/clients/" + clientUuid + "/optional-client-scopes/" + scopeId,
                admin, Map.of());
        assertEquals(204, reply.status(), () -> "allowing " + clientId + " to act for members: " + reply);
    }

    /** An access token of {@code username} for the app client that may only read community data. */
    public String readToken(String username) {
        Api.Reply reply = api.passwordGrant(name, APP, null, username, "pw-" + username, READ_SCOPE);
        assertEquals(200, reply.status(), () -> "token for " + username + ": " + reply);
        return reply.json().get("access_token").asText();
    }

    /** Creates an enabled user whose password is {@code "pw-" + username}; returns the user id. */
    public String createUser(String username) {
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", username + "@example.com",
                "emailVerified", true, "firstName", "First", "lastName", "Last",
                "credentials", List.of(Map.of("type", "password", "value", "pw-" + username, "temporary", false)));
        Api.Reply reply = api.post("/admin/realms/" + name + "/users", api.adminToken(), user);
        assertEquals(201, reply.status(), () -> "creating user " + username + ": " + reply);
        String location = reply.headers().get("location").get(0);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** An access token of {@code username} for the app client, with the community scope once it exists. */
    public String token(String username) {
        return tokens(username).get("access_token").asText();
    }

    /** The whole token response (access, ID and refresh token). */
    public JsonNode tokens(String username) {
        Api.Reply reply = api.passwordGrant(name, APP, null, username, "pw-" + username, communityScope ? SCOPE : "openid");
        assertEquals(200, reply.status(), () -> "token for " + username + ": " + reply);
        return reply.json();
    }

    public String serviceToken() {
        Api.Reply reply = api.clientCredentials(name, SERVICE, SERVICE_SECRET);
        assertEquals(200, reply.status(), () -> "service token: " + reply);
        return reply.json().get("access_token").asText();
    }

    /** Grants a realm-management client role (e.g. {@code view-users}) to a user of this realm. */
    public void grantRealmManagementRole(String userId, String role) {
        String admin = api.adminToken();
        JsonNode clients = api.get("/admin/realms/" + name + "/clients?clientId=realm-management", admin).json();
        String clientUuid = clients.get(0).get("id").asText();
        JsonNode roleRep = api.get("/admin/realms/" + name + "/clients/" + clientUuid + "/roles/" + role, admin).json();
        Api.Reply reply = api.post("/admin/realms/" + name + "/users/" + userId + "/role-mappings/clients/" + clientUuid,
                admin, List.of(roleRep));
        assertEquals(204, reply.status(), () -> "granting " + role + ": " + reply);
    }

    /**
     * Imports {@code count} users named {@code prefix-0...} (password {@code pw-<username>}, the
     * realm's default roles) in batches of 100, so no single request runs long.
     */
    public void importUsers(String prefix, int count) {
        for (int from = 0; from < count; from += 100) {
            List<Map<String, Object>> users = new java.util.ArrayList<>();
            for (int i = from; i < Math.min(count, from + 100); i++) {
                String username = prefix + "-" + i;
                users.add(Map.of("username", username, "enabled", true, "email", username + "@example.com",
                        "emailVerified", true, "firstName", "V", "lastName", "V",
                        // imported users get no default roles by themselves (the Account API needs manage-account)
                        "realmRoles", List.of("default-roles-" + name),
                        "credentials", List.of(Map.of("type", "password", "value", "pw-" + username, "temporary", false))));
            }
            Api.Reply reply = api.post("/admin/realms/" + name + "/partialImport", api.adminToken(),
                    Map.of("ifResourceExists", "FAIL", "users", users));
            assertEquals(200, reply.status(), () -> "importing users: " + reply);
        }
    }

    /** Creates another confidential client with a service account (another app); returns nothing, secret is {@link #SERVICE_SECRET}. */
    public void createServiceClient(String clientId) {
        Api.Reply reply = api.post("/admin/realms/" + name + "/clients", api.adminToken(), Map.of("clientId", clientId,
                "publicClient", false, "secret", SERVICE_SECRET, "serviceAccountsEnabled", true, "standardFlowEnabled", false));
        assertEquals(201, reply.status(), () -> "creating client " + clientId + ": " + reply);
    }

    public String serviceToken(String clientId) {
        Api.Reply reply = api.clientCredentials(name, clientId, SERVICE_SECRET);
        assertEquals(200, reply.status(), () -> "service token of " + clientId + ": " + reply);
        return reply.json().get("access_token").asText();
    }

    /** Grants the service account of {@code appClientId} the role {@code role} of client {@code roleClientId}. */
    public void grantServiceAccountRole(String appClientId, String roleClientId, String role) {
        String admin = api.adminToken();
        String appUuid = api.get("/admin/realms/" + name + "/clients?clientId=" + appClientId, admin).json().get(0).get("id").asText();
        String userId = api.get("/admin/realms/" + name + "/clients/" + appUuid + "/service-account-user", admin).json()
                .get("id").asText();
        String roleClientUuid = api.get("/admin/realms/" + name + "/clients?clientId=" + roleClientId, admin).json().get(0)
                .get("id").asText();
        JsonNode roleRep = api.get("/admin/realms/" + name + "/clients/" + roleClientUuid + "/roles/" + role, admin).json();
        Api.Reply reply = api.post("/admin/realms/" + name + "/users/" + userId + "/role-mappings/clients/" + roleClientUuid,
                admin, List.of(roleRep));
        assertEquals(204, reply.status(), () -> "granting " + role + ": " + reply);
    }

    public String path(String suffix) {
        return "/realms/" + name + "/community" + suffix;
    }

    public String adminPath(String suffix) {
        return "/admin/realms/" + name + "/community" + suffix;
    }

    /** Admin events of this realm recorded for one of our resource types. */
    public List<JsonNode> adminEvents(String resourceType) {
        // Keycloak's own resourceTypes filter only knows its built-in types, so filter here.
        Api.Reply reply = api.get("/admin/realms/" + name + "/admin-events?max=1000", api.adminToken());
        assertEquals(200, reply.status(), () -> "admin events: " + reply);
        return java.util.stream.StreamSupport.stream(reply.json().spliterator(), false)
                .filter(e -> resourceType.equals(e.path("resourceType").asText()))
                .toList();
    }
}
