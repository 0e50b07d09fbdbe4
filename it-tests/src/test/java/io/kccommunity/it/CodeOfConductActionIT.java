package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The code-of-conduct required action: re-asked at login when the version changes; accept or leave. */
@ExtendWith(RealKeycloak.class)
class CodeOfConductActionIT {

    private final Api api = Api.forServer();

    @Test
    void aNewVersionIsAskedAtTheNextLoginAndAcceptingKeepsTheMembership() {
        TestRealm realm = TestRealm.create(api, "coc-action");
        realm.enableCommunity(Map.of("codeOfConductUrl", "https://example.com/coc?a=1&b='2'", "codeOfConductVersion", "v1"));
        member(realm, "keeper");
        member(realm, "quitter");

        BrowserFlow unchanged = new BrowserFlow(api.baseUrl());
        unchanged.openLogin(realm.name, null);
        assertTrue(unchanged.login("keeper", "pw-keeper").reachedApp(), "version accepted at join: not asked");

        realm.enableCommunity(Map.of("codeOfConductVersion", "v2"));
        BrowserFlow browser = new BrowserFlow(api.baseUrl());
        browser.openLogin(realm.name, null);
        BrowserFlow.Page page = browser.login("keeper", "pw-keeper");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("is now at version v2."), page.body());
        assertTrue(page.body().contains("href=\"https://example.com/coc?a=1&amp;b=&#39;2&#39;\""), "the link is escaped");
        assertTrue(browser.submit(Map.of("accept", "I accept")).reachedApp());
        assertEquals("v2", Expect.ok(api.get(realm.path("/me"), realm.token("keeper")), 200)
                .at("/membership/acceptedCodeOfConductVersion").asText());
        BrowserFlow again = new BrowserFlow(api.baseUrl());
        again.openLogin(realm.name, null);
        assertTrue(again.login("keeper", "pw-keeper").reachedApp(), "asked once per version");

        BrowserFlow leaving = new BrowserFlow(api.baseUrl());
        leaving.openLogin(realm.name, null);
        assertTrue(leaving.login("quitter", "pw-quitter").body().contains("v2"));
        assertTrue(leaving.submit(Map.of("leave", "Leave the community")).reachedApp(), "leaving continues the login");
        assertFalse(Api.claims(realm.token("quitter")).at("/community/member").asBoolean(true));
    }

    private void member(TestRealm realm, String username) {
        realm.createUser(username);
        Expect.ok(api.post(realm.path("/membership"), realm.token(username), Map.of("acceptedCodeOfConductVersion", "v1")), 201);
        Expect.ok(api.updateAccount(realm.name, realm.token(username), Map.of("handle", List.of(username))), 204);
    }
}
