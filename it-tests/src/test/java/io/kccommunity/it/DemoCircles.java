package io.kccommunity.it;

import java.util.List;
import java.util.Map;

/**
 * The demo's circles, set up through the product's API as members and an admin would: an open
 * organic circle, one that takes members by request (with a request waiting), a sponsored one with
 * staff and a recognized member, and a secret one with an invitation out.
 */
final class DemoCircles {

    private final Api api;
    private final String realm;

    DemoCircles(Api api, String realm) {
        this.api = api;
        this.realm = realm;
    }

    void found(java.util.function.Function<String, String> memberToken) {
        String admin = api.adminToken();
        String circles = "/realms/" + realm + "/community/circles";
        check(api.put("/admin/realms/" + realm + "/community/circles/settings", admin, Map.of("foundingMinReputation", 10)),
                200, "founding settings");
        check(api.post(circles, memberToken.apply("ana"), Map.of("slug", "sourdough-society", "name", "Sourdough Society",
                "description", Map.of("en", "Starters, levain and long fermentation."),
                "visibility", "public", "joinPolicy", "open")), 201, "ana founds Sourdough Society");
        check(api.post(circles + "/sourdough-society/membership", memberToken.apply("bob"), null), 201, "bob joins it");
        check(api.post(circles, memberToken.apply("bob"), Map.of("slug", "whole-grain-lab", "name", "Whole Grain Lab",
                "description", Map.of("en", "Milling at home, rye and spelt experiments."),
                "visibility", "members", "joinPolicy", "request")), 201, "bob founds Whole Grain Lab");
        check(api.post(circles + "/whole-grain-lab/membership", memberToken.apply("cyrus"), null), 201, "cyrus asks to join");
        String cyrus = userId("cyrus");
        check(api.post("/admin/realms/" + realm + "/community/circles", admin, Map.of("slug", "the-test-kitchen",
                "name", "The Test Kitchen", "description", Map.of("en", "Official answers from our test kitchen."),
                "visibility", "public", "joinPolicy", "open", "staff", List.of(cyrus))), 201, "the sponsored Test Kitchen");
        check(api.post(circles + "/the-test-kitchen/membership", memberToken.apply("ana"), null), 201, "ana joins it");
        check(api.put(circles + "/the-test-kitchen/members/" + userId("ana") + "/role", memberToken.apply("cyrus"),
                Map.of("role", "recognized")), 200, "cyrus recognizes ana");
        check(api.post(circles, memberToken.apply("ana"), Map.of("slug", "starter-swap", "name", "Starter Swap",
                "visibility", "secret", "joinPolicy", "invite")), 201, "ana founds a secret circle");
        check(api.post(circles + "/starter-swap/invitations", memberToken.apply("ana"), Map.of("handle", "rye-bob")), 201,
                "ana invites bob");
    }

    private String userId(String username) {
        return api.get("/admin/realms/" + realm + "/users?username=" + username + "&exact=true", api.adminToken()).json()
                .get(0).get("id").asText();
    }

    private static void check(Api.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " failed: " + reply);
        }
    }
}
