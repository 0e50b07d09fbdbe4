package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The "complete your community profile" required action, through the real login pages. */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompleteProfileActionIT {

    private Api api;
    private TestRealm realm;

    @BeforeAll
    void realm() {
        api = Api.forServer();
        realm = TestRealm.create(api, "complete");
        realm.enableCommunity(Map.of());
        ObjectNode settings = (ObjectNode) api.get("/admin/realms/" + realm.name, api.adminToken()).json();
        settings.put("internationalizationEnabled", true);
        settings.set("supportedLocales", Api.JSON.valueToTree(List.of("en", "es", "pl", "bg", "id")));
        settings.put("defaultLocale", "en");
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), settings), 204);
    }

    @Test
    void aMemberWithoutHandleChoosesOneAtLoginAndMistakesAreShownEscaped() {
        memberWithoutHandle("newbie");
        BrowserFlow browser = new BrowserFlow(api.baseUrl());
        browser.openLogin(realm.name, null);
        BrowserFlow.Page form = browser.login("newbie", "pw-newbie");
        assertEquals(200, form.status(), form::toString);
        assertTrue(form.body().contains("Complete your community profile"), form.body());

        BrowserFlow.Page blank = browser.submit(Map.of("handle", "  "));
        assertTrue(blank.body().contains("Please choose a handle"), blank.body());

        BrowserFlow.Page hostile = browser.submit(Map.of("handle", "<script>alert(1)</script>"));
        assertFalse(hostile.body().contains("<script>alert(1)</script>"), "typed text is never rendered as HTML");
        assertTrue(hostile.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the typed text is kept, escaped");
        assertTrue(hostile.body().contains("A handle may only contain lowercase letters"), hostile.body());

        BrowserFlow.Page reserved = browser.submit(Map.of("handle", "admin"));
        assertTrue(reserved.body().contains("This handle is reserved"), reserved.body());

        BrowserFlow.Page done = browser.submit(Map.of("handle", "new.baker"));
        assertTrue(done.reachedApp(), done::toString);
        JsonNode account = api.get("/realms/" + realm.name + "/account/", realm.token("newbie")).json();
        assertEquals("new.baker", account.at("/attributes/handle/0").asText());
        assertFalse(adminView("newbie").at("/attributes/memberSince/0").asText().isEmpty(), "the mirrors are kept");

        BrowserFlow again = new BrowserFlow(api.baseUrl());
        again.openLogin(realm.name, null);
        assertTrue(again.login("newbie", "pw-newbie").reachedApp(), "asked once only");
    }

    @Test
    void theFormSpeaksTheMembersLanguage() {
        memberWithoutHandle("polka");
        BrowserFlow browser = new BrowserFlow(api.baseUrl());
        browser.openLogin(realm.name, "pl");
        BrowserFlow.Page form = browser.login("polka", "pw-polka");
        assertTrue(form.body().contains("Uzupe\u0142nij sw\u00f3j profil w spo\u0142eczno\u015bci"), form.body());
        BrowserFlow.Page taken = browser.submit(Map.of("handle", "Z\u0142y"));
        assertTrue(taken.body().contains("Pseudonim mo\u017ce zawiera\u0107 tylko"), taken.body());
    }

    @Test
    void nonMembersAreNotAskedAndAdminsCanSwitchTheActionOff() {
        realm.createUser("stranger");
        BrowserFlow browser = new BrowserFlow(api.baseUrl());
        browser.openLogin(realm.name, null);
        assertTrue(browser.login("stranger", "pw-stranger").reachedApp(), "non-members log in straight away");

        String path = "/admin/realms/" + realm.name + "/authentication/required-actions/community-complete-profile";
        ObjectNode action = (ObjectNode) Expect.ok(api.get(path, api.adminToken()), 200);
        action.put("enabled", false);
        Expect.ok(api.put(path, api.adminToken(), action), 204);
        try {
            memberWithoutHandle("relaxed");
            BrowserFlow relaxed = new BrowserFlow(api.baseUrl());
            relaxed.openLogin(realm.name, null);
            assertTrue(relaxed.login("relaxed", "pw-relaxed").reachedApp(), "switched off: no form");
        } finally {
            action.put("enabled", true);
            Expect.ok(api.put(path, api.adminToken(), action), 204);
        }
    }

    @Test
    void whereTheRealmAllowsItNotNowFinishesTheLoginAndTheNextLoginAsksAgain() {
        memberWithoutHandle("later");
        postponable(true);
        try {
            BrowserFlow browser = new BrowserFlow(api.baseUrl());
            browser.openLogin(realm.name, null);
            BrowserFlow.Page form = browser.login("later", "pw-later");
            assertTrue(form.body().contains("community-not-now") && form.body().contains("Not now"), form.body());
            assertTrue(browser.submit(Map.of("postpone", "true")).reachedApp(), "the login goes on without a handle");
            assertFalse(adminView("later").path("attributes").has("handle"));
            assertEquals(0, adminView("later").get("requiredActions").size(), "nothing left on the user");
            realm.token("later"); // so the member's other apps (a password grant here) are not blocked

            BrowserFlow next = new BrowserFlow(api.baseUrl());
            next.openLogin(realm.name, "pl");
            BrowserFlow.Page again = next.login("later", "pw-later");
            assertTrue(again.body().contains("Nie teraz"), "asked again at the next login, in the member's language");
            assertTrue(next.submit(Map.of("handle", "later.baker")).reachedApp());
        } finally {
            postponable(false);
        }
    }

    @Test
    void withoutTheRealmsPermissionThereIsNoNotNowAndAForgedOneIsRefused() {
        memberWithoutHandle("eager");
        BrowserFlow browser = new BrowserFlow(api.baseUrl());
        browser.openLogin(realm.name, null);
        BrowserFlow.Page form = browser.login("eager", "pw-eager");
        assertFalse(form.body().contains("community-not-now") || form.body().contains("Not now"), form.body());
        BrowserFlow.Page forged = browser.submit(Map.of("postpone", "true"));
        assertFalse(forged.reachedApp(), forged::toString);
        assertTrue(forged.body().contains("Please choose a handle"), forged.body());
    }

    /** The Account Console re-authenticates through the session cookie on every reload: no form then. */
    @Test
    void reusingAnOpenSessionAfterJoiningShowsNoFormButTheNextSignInAsks() {
        realm.createUser("joiner");
        BrowserFlow browser = new BrowserFlow(api.baseUrl());
        browser.openLogin(realm.name, null);
        assertTrue(browser.login("joiner", "pw-joiner").reachedApp());
        Expect.ok(api.post(realm.path("/membership"), realm.token("joiner"), null), 201);
        BrowserFlow.Page reload = browser.openLogin(realm.name, null);
        assertTrue(reload.reachedApp(), "the open session is re-used without a full-page form: " + reload);

        BrowserFlow signIn = new BrowserFlow(api.baseUrl());
        signIn.openLogin(realm.name, null);
        assertTrue(signIn.login("joiner", "pw-joiner").body().contains("Complete your community profile"));
    }

    private void postponable(boolean allowed) {
        Expect.ok(api.put(realm.adminPath("/config"), api.adminToken(), Map.of("profileCompletionPostponable", allowed)), 200);
    }

    private JsonNode adminView(String username) {
        return api.get("/admin/realms/" + realm.name + "/users?username=" + username + "&exact=true", api.adminToken()).json().get(0);
    }

    private void memberWithoutHandle(String username) {
        realm.createUser(username);
        Expect.ok(api.post(realm.path("/membership"), realm.token(username), null), 201);
    }
}
