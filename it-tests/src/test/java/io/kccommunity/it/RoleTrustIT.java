package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No way up for an admin, and no way in for a user: the product maps no composite role, maps no
 * role the admin may not map, follows role mappings made in Keycloak itself, and takes membership and
 * reputation from what it wrote, never from an attribute someone else could set.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleTrustIT {

    private Api api;
    private TestRealm realm;
    private String admin;

    @BeforeAll
    void realm() {
        api = Api.forServer();
        realm = TestRealm.create(api, "roles");
        realm.enableCommunity(Map.of());
        admin = api.adminToken();
    }

    private String member(String name) {
        String id = realm.createUser(name);
        Expect.ok(api.post(realm.path("/membership"), realm.token(name), null), 201);
        return id;
    }

    private String keycloak(String path) {
        return "/admin/realms/" + realm.name + path;
    }

    @Test
    void aCompositeRoleCarryingRealmAdminIsNeverARulesRole() {
        Expect.ok(api.post(keycloak("/roles"), admin, Map.of("name", "sneaky")), 201);
        String management = api.get(keycloak("/clients?clientId=realm-management"), admin).json().get(0).get("id").asText();
        JsonNode realmAdmin = api.get(keycloak("/clients/" + management + "/roles/realm-admin"), admin).json();
        Expect.ok(api.post(keycloak("/roles/sneaky/composites"), admin, List.of(realmAdmin)), 204);
        JsonNode before = Expect.ok(api.get(realm.adminPath("/advocacy/rules"), admin), 200);

        Expect.error(api.put(realm.adminPath("/advocacy/rules"), admin,
                Map.of("roles", Map.of("guru", Map.of("realmRole", "sneaky")))), 400, "invalid_roles");
        assertEquals(before, Expect.ok(api.get(realm.adminPath("/advocacy/rules"), admin), 200), "nothing saved");

        // a role made composite after it was configured is granted by nobody
        String eve = member("eve");
        JsonNode guru = api.get(keycloak("/roles/community-guru"), admin).json();
        Expect.ok(api.post(keycloak("/roles/community-guru/composites"), admin, List.of(realmAdmin)), 204);
        Expect.error(api.put(realm.adminPath("/advocacy/members/" + eve + "/roles/guru"), admin, Map.of("reason", "r")),
                409, "unsafe_role");
        assertFalse(MembershipIT.roles(Api.claims(realm.token("eve"))).contains("realm-admin"));
        Expect.ok(api.send("DELETE", keycloak("/roles/community-guru/composites"), admin, Api.JSON_TYPE,
                Api.write(List.of(realmAdmin))), 204);
        assertFalse(api.get(keycloak("/roles/community-guru"), admin).json().get("composite").asBoolean(), guru::toString);
    }

    @Test
    void anAdminWhoMayNotMapARoleCannotMakeTheProductMapIt() {
        String ivy = member("ivy");
        // fine-grained admin permissions: "limited" may view and manage users, but not map their roles
        Expect.ok(api.put(keycloak(""), admin, Map.of("adminPermissionsEnabled", true)), 204);
        String limited = realm.createUser("limited");
        String permissions = api.get(keycloak("/clients?clientId=admin-permissions"), admin).json().get(0).get("id").asText();
        String authz = keycloak("/clients/" + permissions + "/authz/resource-server");
        String policy = Expect.ok(api.post(authz + "/policy/user", admin, Map.of("name", "limited-admins",
                "users", List.of(limited))), 201).get("id").asText();
        Expect.ok(api.post(authz + "/permission/scope", admin, Map.of("name", "manage-users-without-roles",
                "resourceType", "Users", "scopes", List.of("view", "manage"), "policies", List.of(policy))), 201);
        String token = realm.token("limited");
        assertEquals(200, api.get(keycloak("/users/" + ivy), token).status(), "the permission is in force");
        JsonNode guru = api.get(keycloak("/roles/community-guru"), admin).json();
        assertEquals(403, api.post(keycloak("/users/" + ivy + "/role-mappings/realm"), token, List.of(guru)).status(),
                "Keycloak itself refuses the mapping");

        Expect.error(api.put(realm.adminPath("/advocacy/members/" + ivy + "/roles/guru"), token, Map.of("reason", "r")),
                403, "forbidden");
        assertEquals(0, Expect.ok(api.get(realm.adminPath("/advocacy/members/" + ivy), admin), 200).get("roles").size());
        assertFalse(MembershipIT.roles(Api.claims(realm.token("ivy"))).contains("community-guru"));
    }

    @Test
    void rolesMappedOrRemovedInKeycloakAreFollowedByHoldingsHistoryAndTokens() {
        String ann = member("ann");
        JsonNode guru = api.get(keycloak("/roles/community-guru"), admin).json();
        Expect.ok(api.post(keycloak("/users/" + ann + "/role-mappings/realm"), admin, List.of(guru)), 204);
        JsonNode standing = Expect.ok(api.get(realm.adminPath("/advocacy/members/" + ann), admin), 200);
        assertEquals("guru", standing.at("/roles/0/role").asText(), standing::toString);
        assertEquals("manual", standing.at("/roles/0/source").asText(), standing::toString);
        assertTrue(standing.at("/history/0/reason").asText().contains("Keycloak"), standing::toString);
        assertTrue(Api.claims(realm.token("ann")).at("/community/roles").toString().contains("guru"));
        assertEquals("guru", Expect.ok(api.get(realm.path("/me"), realm.token("ann")), 200).at("/roles/0/role").asText());

        Expect.ok(api.send("DELETE", keycloak("/users/" + ann + "/role-mappings/realm"), admin, Api.JSON_TYPE,
                Api.write(List.of(guru))), 204);
        standing = Expect.ok(api.get(realm.adminPath("/advocacy/members/" + ann), admin), 200);
        assertEquals(0, standing.get("roles").size(), standing::toString);
        assertEquals("revoke", standing.at("/history/0/action").asText(), standing::toString);
        assertFalse(Api.claims(realm.token("ann")).at("/community/roles").toString().contains("guru"));

        // through a group
        Expect.ok(api.post(keycloak("/groups"), admin, Map.of("name", "ambassadors")), 201);
        String group = api.get(keycloak("/groups?search=ambassadors"), admin).json().get(0).get("id").asText();
        JsonNode ambassador = api.get(keycloak("/roles/community-ambassador"), admin).json();
        Expect.ok(api.post(keycloak("/groups/" + group + "/role-mappings/realm"), admin, List.of(ambassador)), 204);
        Expect.ok(api.put(keycloak("/users/" + ann + "/groups/" + group), admin, Map.of()), 204);
        JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("ann")), 200);
        assertEquals("ambassador", me.at("/roles/0/role").asText(), me::toString);
        assertTrue(Api.claims(realm.token("ann")).at("/community/roles").toString().contains("ambassador"));
        Expect.ok(api.delete(keycloak("/users/" + ann + "/groups/" + group), admin), 204);
        assertEquals(0, Expect.ok(api.get(realm.path("/me"), realm.token("ann")), 200).get("roles").size());
        assertFalse(Api.claims(realm.token("ann")).at("/community/roles").toString().contains("ambassador"));
    }

    @Test
    void theMemberRoleMappedInKeycloakIsAMembership() {
        String cal = realm.createUser("cal");
        JsonNode memberRole = api.get(keycloak("/roles/community-member"), admin).json();
        Expect.ok(api.post(keycloak("/users/" + cal + "/role-mappings/realm"), admin, List.of(memberRole)), 204);
        assertEquals("active", Expect.ok(api.get(realm.path("/membership"), realm.token("cal")), 200).get("status").asText());
        assertTrue(Api.claims(realm.token("cal")).at("/community/member").asBoolean());
        Expect.ok(api.send("DELETE", keycloak("/users/" + cal + "/role-mappings/realm"), admin, Api.JSON_TYPE,
                Api.write(List.of(memberRole))), 204);
        assertEquals("left", Expect.ok(api.get(realm.path("/membership"), realm.token("cal")), 200).get("status").asText());
        assertFalse(Api.claims(realm.token("cal")).at("/community/member").asBoolean(true));
    }

    /** A realm whose user profile let users edit {@code reputation} and {@code memberSince} before the community came. */
    @Test
    void attributesAUserCouldOnceEditCannotForgeReputationOrMembership() {
        TestRealm forged = TestRealm.create(api, "forged");
        String profile = "/admin/realms/" + forged.name + "/users/profile";
        ObjectNode config = (ObjectNode) Expect.ok(api.get(profile, admin), 200);
        for (String name : List.of("reputation", "memberSince")) {
            ((ArrayNode) config.get("attributes")).add(Api.JSON.valueToTree(Map.of("name", name, "displayName", name,
                    "permissions", Map.of("view", List.of("admin", "user"), "edit", List.of("admin", "user")))));
        }
        Expect.ok(api.put(profile, admin, config), 200);
        forged.enableCommunity(Map.of());
        forged.createUser("mal");
        Expect.ok(api.post(forged.path("/membership"), forged.token("mal"), null), 201);
        forged.createUser("outsider");

        Expect.notServerError(api.updateAccount(forged.name, forged.token("mal"), Map.of("reputation", List.of("999"))));
        Expect.notServerError(api.updateAccount(forged.name, forged.token("outsider"),
                Map.of("memberSince", List.of("2020-01-01T00:00:00Z"))));

        JsonNode claim = Api.claims(forged.token("mal")).get("community");
        assertNotEquals(999, claim.get("reputation").asInt(), claim::toString);
        assertNotEquals(999, Expect.ok(api.get(forged.path("/me"), forged.token("mal")), 200).at("/reputation/total").asInt());
        assertFalse(Api.claims(forged.token("outsider")).at("/community/member").asBoolean(true), "no member by attribute");
        JsonNode after = Expect.ok(api.get(profile, admin), 200).get("attributes");
        for (JsonNode attribute : after) {
            if (List.of("reputation", "memberSince", "badges").contains(attribute.get("name").asText())) {
                assertEquals(0, attribute.at("/permissions/edit").size(), attribute::toString);
            }
        }
    }
}
