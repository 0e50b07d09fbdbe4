package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member edits the community bio in Keycloak's real Account Console, driven in a real headless
 * Chromium by Playwright; the saved value is read back over REST.
 */
@ExtendWith(RealKeycloak.class)
class AccountConsoleIT {

    @Test
    void aMemberEditsTheCommunityBioInTheAccountConsole() throws Exception {
        Browser.assumeReady("AccountConsoleIT");

        Api api = Api.forServer();
        TestRealm realm = TestRealm.create(api, "console");
        realm.enableCommunity(Map.of());
        realm.createUser("ada");
        String token = realm.token("ada");
        Expect.ok(api.post(realm.path("/membership"), token, null), 201);
        Expect.ok(api.updateAccount(realm.name, token, Map.of("handle", List.of("ada.l"), "profileVisibility", List.of("public"))), 204);

        Path screenshots = Browser.screenshots();
        String bio = "Kneads <b>dough</b> & loves rye \u2014 edited in Chromium";
        JsonNode result = Browser.script("account-console.mjs", api.baseUrl(), realm.name, "ada", "pw-ada", bio,
                screenshots.toString(), Messages.of("en").shared("communityTopic.how-to"));
        assertTrue(result.path("sectionVisible").asBoolean(), () -> "no 'Community profile' section: " + result);
        assertTrue(result.path("saved").asBoolean(), () -> "not saved: " + result);
        assertTrue(Files.size(screenshots.resolve("account-console-saved.png")) > 10_000, "a real screenshot");

        JsonNode saved = api.get("/realms/" + realm.name + "/account/", realm.token("ada")).json();
        assertEquals(bio, saved.at("/attributes/bio/0").asText());
        assertEquals("how-to", saved.at("/attributes/interests/0").asText(), "interests are checkboxes: " + saved);
        assertEquals(bio, Expect.ok(api.get(realm.path("/members/ada.l"), null), 200).get("bio").asText());
    }
}
