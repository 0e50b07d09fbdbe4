package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak's registration page in the community login theme offers to join the community (accepting
 * the code of conduct's version) and to pick interests; ticking the box makes the new user a member.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationIT {

    static final String NAME = "Rye <b>Bakers</b>";

    private Api api;
    private TestRealm realm;

    @BeforeAll
    void realmOpenForRegistration() {
        api = Api.forServer();
        realm = TestRealm.create(api, "register");
        realm.enableCommunity(Map.of("name", NAME, "codeOfConductVersion", "v3", "codeOfConductUrl", "https://rye.example/coc"));
        ObjectNode settings = (ObjectNode) api.get("/admin/realms/" + realm.name, api.adminToken()).json();
        settings.put("registrationAllowed", true);
        settings.put("loginTheme", "community");
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), settings), 204);
    }

    @Test
    void enablingTheCommunityAddsTheStepToTheRegistrationForm() {
        JsonNode executions = Expect.ok(api.get("/admin/realms/" + realm.name + "/authentication/flows/registration/executions",
                api.adminToken()), 200);
        assertTrue(executions.toString().contains("\"providerId\":\"community-registration\""), executions::toString);
        assertTrue(executions.toString().contains("\"requirement\":\"REQUIRED\""), executions::toString);
    }

    @Test
    void tickingTheBoxJoinsAndAcceptsTheCodeOfConduct() throws Exception {
        Messages english = Messages.of("en");
        BrowserFlow browser = new BrowserFlow(api.baseUrl());
        BrowserFlow.Page form = browser.openRegistration(realm.name, null);
        assertEquals(200, form.status(), form::toString);
        assertTrue(form.body().contains("id=\"communityJoin\""), form.body());
        assertTrue(form.body().contains(english.shared("communityRegisterJoin", "Rye &lt;b&gt;Bakers&lt;/b&gt;")),
                "the community's name, escaped: " + form.body());
        assertFalse(form.body().contains("<b>Bakers"), "no HTML from the settings");
        assertTrue(form.body().contains(english.shared("communityRegisterCodeOfConduct", "v3")), form.body());
        assertTrue(form.body().contains("https://rye.example/coc"), form.body());
        assertTrue(form.body().contains("name=\"interests\""), "interests are offered at registration: " + form.body());

        BrowserFlow.Page next = browser.submit(registration("joiner", Map.of("communityJoin", "on", "interests", "how-to")));
        if (next.body().contains("kc-community-profile-form")) {
            next = browser.submit(Map.of("handle", "joiner.h"));
        }
        assertTrue(next.reachedApp(), next::toString);
        String id = userId("joiner");
        JsonNode membership = Expect.ok(api.get(realm.adminPath("/members/" + id), api.adminToken()), 200);
        assertEquals("active", membership.get("status").asText(), membership::toString);
        assertEquals("v3", membership.get("acceptedCodeOfConductVersion").asText(), membership::toString);
        JsonNode user = Expect.ok(api.get("/admin/realms/" + realm.name + "/users/" + id, api.adminToken()), 200);
        assertEquals("how-to", user.at("/attributes/interests/0").asText(), user::toString);
    }

    @Test
    void leavingTheBoxEmptyRegistersWithoutJoining() {
        BrowserFlow browser = new BrowserFlow(api.baseUrl());
        browser.openRegistration(realm.name, null);
        BrowserFlow.Page next = browser.submit(registration("looker", Map.of()));
        assertTrue(next.reachedApp(), next::toString);
        JsonNode membership = Expect.ok(api.get(realm.adminPath("/members/" + userId("looker")), api.adminToken()), 200);
        assertEquals("none", membership.get("status").asText(), membership::toString);
    }

    private static Map<String, String> registration(String username, Map<String, String> extra) {
        Map<String, String> fields = new HashMap<>(Map.of("username", username, "email", username + "@example.com",
                "firstName", "Reg", "lastName", "Istered", "password", "pw-" + username + "-Long1",
                "password-confirm", "pw-" + username + "-Long1"));
        fields.putAll(extra);
        return fields;
    }

    private String userId(String username) {
        List<JsonNode> users = new java.util.ArrayList<>();
        Expect.ok(api.get("/admin/realms/" + realm.name + "/users?exact=true&username=" + username, api.adminToken()), 200)
                .forEach(users::add);
        assertEquals(1, users.size(), users::toString);
        return users.get(0).get("id").asText();
    }
}
