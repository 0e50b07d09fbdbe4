package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The attributes the product mirrors ({@code memberSince}, {@code reputation}, {@code badges}) in Keycloak's forms. */
@ExtendWith(RealKeycloak.class)
class MirroredAttributesIT {

    private final Api api = Api.forServer();

    /**
     * Keycloak's Personal info (the Account REST API's user-profile metadata) offers users their own
     * fields, never the product's mirrors; admins, the claim and an admin's attribute mapper still read them.
     */
    @Test
    void personalInfoLeavesTheMirrorsOutWhileAdminsTokensAndMappersStillReadThem() {
        TestRealm realm = TestRealm.create(api, "mirrors");
        String admin = api.adminToken();
        String profilePath = "/admin/realms/" + realm.name + "/users/profile";
        realm.enableCommunity(Map.of());
        // as an earlier release left them: visible to users
        ObjectNode config = (ObjectNode) Expect.ok(api.get(profilePath, admin), 200);
        config.get("attributes").forEach(a -> {
            if (List.of("memberSince", "reputation", "badges", "circles").contains(a.get("name").asText())) {
                ((ObjectNode) a).set("permissions", Api.JSON.valueToTree(Map.of("view", List.of("admin", "user"), "edit", List.of())));
            }
        });
        Expect.ok(api.put(profilePath, admin, config), 200);
        realm.enableCommunity(Map.of());
        for (JsonNode attribute : Expect.ok(api.get(profilePath, admin), 200).get("attributes")) {
            if (List.of("memberSince", "reputation", "badges", "circles").contains(attribute.get("name").asText())) {
                assertEquals("{\"view\":[\"admin\"],\"edit\":[]}", attribute.get("permissions").toString(), attribute::toString);
            }
        }

        String userId = realm.createUser("mira");
        Expect.ok(api.post(realm.path("/membership"), realm.token("mira"), null), 201);
        String token = realm.token("mira");
        JsonNode account = Expect.ok(api.get("/realms/" + realm.name + "/account/?userProfileMetadata=true", token), 200);
        List<String> offered = new ArrayList<>();
        account.at("/userProfileMetadata/attributes").forEach(a -> offered.add(a.get("name").asText()));
        assertTrue(offered.containsAll(List.of("handle", "bio", "interests")), offered::toString);
        for (String mirror : List.of("memberSince", "reputation", "badges", "circles")) {
            assertFalse(offered.contains(mirror), mirror + " offered in Personal info: " + offered);
            assertFalse(account.path("attributes").has(mirror), mirror + " in the account: " + account);
        }

        assertEquals(204, api.updateAccount(realm.name, token, Map.of("handle", List.of("mira"), "bio", List.of("Saved in Personal info"))).status());
        JsonNode user = Expect.ok(api.get("/admin/realms/" + realm.name + "/users/" + userId + "?userProfileMetadata=true", admin), 200);
        String since = user.at("/attributes/memberSince/0").asText();
        assertFalse(since.isEmpty(), "saving Personal info keeps the mirrors: " + user);
        assertTrue(user.at("/attributes/reputation/0").asInt() >= 1, "the ledger's total, points for joining included: " + user);
        user.at("/userProfileMetadata/attributes").forEach(a -> {
            if ("memberSince".equals(a.get("name").asText())) {
                assertTrue(a.get("readOnly").asBoolean(), "admins read it, read-only: " + a);
            }
        });
        JsonNode claims = Api.claims(realm.token("mira"));
        assertEquals(since, claims.at("/community/since").asText(), claims::toString);
        assertTrue(claims.at("/community/reputation").asInt() >= 1, claims::toString);

        addAttributeMapper(realm, "memberSince", "joined");
        assertEquals(since, Api.claims(realm.token("mira")).at("/joined").asText(), "an admin's attribute mapper reads it");
    }

    /** What an admin does in Clients, the app, Client scopes, dedicated: a "User Attribute" mapper. */
    private void addAttributeMapper(TestRealm realm, String attribute, String claim) {
        String admin = api.adminToken();
        String appId = api.get("/admin/realms/" + realm.name + "/clients?clientId=" + TestRealm.APP, admin).json().get(0).get("id").asText();
        Expect.ok(api.post("/admin/realms/" + realm.name + "/clients/" + appId + "/protocol-mappers/models", admin,
                Map.of("name", claim, "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-attribute-mapper",
                        "config", Map.of("user.attribute", attribute, "claim.name", claim, "jsonType.label", "String",
                                "access.token.claim", "true"))), 201);
    }
}
