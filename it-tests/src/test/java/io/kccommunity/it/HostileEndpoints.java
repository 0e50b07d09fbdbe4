package io.kccommunity.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table {@link HostileInputIT} attacks: a row per endpoint of the extension (its handler, method,
 * path, right and wrong caller, a valid body where it reads one, and whether it pages).
 */
final class HostileEndpoints {

    /** Who an endpoint serves: its right caller, and the caller it must refuse. */
    enum Caller { MEMBER, NON_MEMBER, APP, ADMIN }

    record Endpoint(String handler, String method, String path, Caller caller, Caller wrong, String body, boolean paged) {
        boolean hasBody() {
            return body != null;
        }

        /** The reputation batch takes more than the other endpoints. */
        int byteLimit() {
            return handler.equals("ReputationResource.record") ? 2 * 1024 * 1024 : 64 * 1024;
        }
    }

    static final List<Endpoint> ENDPOINTS = new ArrayList<>();

    private static void member(String handler, String method, String path, Caller caller, Caller wrong, String body,
                               boolean paged) {
        ENDPOINTS.add(new Endpoint(handler, method, "/realms/{realm}/community" + path, caller, wrong, body, paged));
    }

    private static void admin(String handler, String method, String path, String body, boolean paged) {
        ENDPOINTS.add(new Endpoint(handler, method, "/admin/realms/{realm}/community" + path, Caller.ADMIN, Caller.MEMBER,
                body, paged));
    }

    static {
        Caller m = Caller.MEMBER;
        member("MembershipResource.get", "GET", "/membership", m, null, null, false);
        member("MembershipResource.join", "POST", "/membership", Caller.NON_MEMBER, Caller.APP,
                "{\"acceptedCodeOfConductVersion\":\"1\"}", false);
        member("MembershipResource.leave", "DELETE", "/membership", m, Caller.APP, null, false);
        member("CommunityRealmResource.me", "GET", "/me", m, null, null, false);
        member("CommunityRealmResource.myHistory", "GET", "/me/reputation", m, null, null, true);
        member("CommunityRealmResource.leaderboard", "GET", "/leaderboard", m, null, null, true);
        member("CommunityRealmResource.roleHolders", "GET", "/roles/{role}/members", m, Caller.NON_MEMBER, null, true);
        member("ProfileResource.directory", "GET", "/members", m, null, null, true);
        member("ProfileResource.profile", "GET", "/members/{handle}", m, null, null, false);
        member("ElectionsResource.list", "GET", "/elections", m, Caller.NON_MEMBER, null, false);
        member("ElectionsResource.get", "GET", "/elections/{election}", m, Caller.NON_MEMBER, null, false);
        member("ElectionsResource.nominate", "POST", "/elections/{election}/candidates", m, Caller.NON_MEMBER,
                "{\"handle\":\"bob.h\",\"statement\":\"s\"}", false);
        member("ElectionsResource.answer", "PUT", "/elections/{election}/candidacy", m, Caller.NON_MEMBER,
                "{\"accept\":true,\"statement\":\"s\"}", false);
        member("ElectionsResource.cast", "PUT", "/elections/{election}/ballot", m, Caller.NON_MEMBER,
                "{\"ranking\":[\"{candidate}\"],\"changeKey\":\"k\"}", false);
        member("ElectionsResource.verify", "POST", "/elections/{election}/receipt", m, Caller.NON_MEMBER,
                "{\"receipt\":\"r\"}", false);
        member("ElectionsResource.results", "GET", "/elections/{election}/results", m, Caller.NON_MEMBER, null, false);
        member("ElectionsResource.ballots", "GET", "/elections/{election}/ballots", m, Caller.NON_MEMBER, null, false);
        member("ReputationResource.record", "POST", "/reputation/events", Caller.APP, m,
                "{\"userId\":\"{user}\",\"type\":\"helpful-flag\",\"key\":\"k-1\",\"reason\":\"r\"}", false);
        member("ReputationResource.reverse", "POST", "/reputation/events/{event}/reversal", Caller.APP, m,
                "{\"reason\":\"r\"}", false);

        member("CirclesResource.list", "GET", "/circles", m, null, null, true);
        member("CirclesResource.found", "POST", "/circles", m, Caller.APP, "{\"slug\":\"new-circle\",\"name\":\"N\"}", false);
        member("CirclesResource.get", "GET", "/circles/{circle}", m, null, null, false);
        member("CirclesResource.update", "PUT", "/circles/{circle}", m, Caller.APP, "{\"name\":\"n\"}", false);
        member("CirclesResource.archive", "POST", "/circles/{circle}/archive", m, Caller.APP, null, false);
        member("CirclesResource.members", "GET", "/circles/{circle}/members", m, null, null, true);
        member("CirclesResource.leaderboard", "GET", "/circles/{circle}/leaderboard", m, null, null, true);
        member("CirclesResource.join", "POST", "/circles/{circle}/membership", m, Caller.APP, null, false);
        member("CirclesResource.leave", "DELETE", "/circles/{circle}/membership", Caller.NON_MEMBER, Caller.APP, null, false);
        member("CirclesResource.approve", "POST", "/circles/{circle}/members/{user}/approve", m, Caller.APP, null, false);
        member("CirclesResource.reject", "POST", "/circles/{circle}/members/{user}/reject", m, Caller.APP, null, false);
        member("CirclesResource.invite", "POST", "/circles/{circle}/invitations", m, Caller.APP, "{\"handle\":\"bob.h\"}", false);
        member("CirclesResource.remove", "DELETE", "/circles/{circle}/members/{user}?reason=r", m, Caller.APP, null, false);
        member("CirclesResource.ban", "PUT", "/circles/{circle}/bans/{user}", m, Caller.APP, "{\"reason\":\"r\"}", false);
        member("CirclesResource.unban", "DELETE", "/circles/{circle}/bans/{user}", m, Caller.APP, null, false);
        member("CirclesResource.setRole", "PUT", "/circles/{circle}/members/{user}/role", m, Caller.APP,
                "{\"role\":\"moderator\"}", false);

        admin("ConfigAdminResource.get", "GET", "/config", null, false);
        admin("ConfigAdminResource.update", "PUT", "/config", "{\"name\":\"n\",\"joinPolicy\":\"open\","
                + "\"profileCompletionPostponable\":false,\"description\":{\"en\":\"d\"},\"benefits\":{\"en\":[\"b\"]}}", false);
        admin("MembersAdminResource.list", "GET", "/members", null, true);
        admin("MembersAdminResource.get", "GET", "/members/{user}", null, false);
        admin("MembersAdminResource.approve", "POST", "/members/{user}/approve", null, false);
        admin("MembersAdminResource.reject", "POST", "/members/{user}/reject", null, false);
        admin("MembersAdminResource.invite", "POST", "/members/{user}/invite", null, false);
        admin("MembersAdminResource.remove", "DELETE", "/members/{user}", null, false);
        admin("ReputationAdminResource.rules", "GET", "/reputation/rules", null, false);
        admin("ReputationAdminResource.updateRules", "PUT", "/reputation/rules", "{\"dailyCap\":100,\"floor\":0}", false);
        admin("ReputationAdminResource.member", "GET", "/reputation/members/{user}", null, false);
        admin("ReputationAdminResource.history", "GET", "/reputation/members/{user}/events", null, true);
        admin("ReputationAdminResource.adjust", "POST", "/reputation/members/{user}/adjustments",
                "{\"points\":5,\"reason\":\"r\"}", false);
        admin("ReputationAdminResource.award", "PUT", "/reputation/members/{user}/badges/{badge}", null, false);
        admin("ReputationAdminResource.revoke", "DELETE", "/reputation/members/{user}/badges/{badge}", null, false);
        admin("TopicsAdminResource.get", "GET", "/topics", null, false);
        admin("TopicsAdminResource.update", "PUT", "/topics", "{\"topics\":[{\"id\":\"t\",\"names\":{\"en\":\"T\"}}]}", false);
        admin("AdvocacyAdminResource.rules", "GET", "/advocacy/rules", null, false);
        admin("AdvocacyAdminResource.updateRules", "PUT", "/advocacy/rules", "{\"roles\":{\"guru\":{\"listed\":false}}}", false);
        admin("AdvocacyAdminResource.member", "GET", "/advocacy/members/{user}", null, true);
        admin("AdvocacyAdminResource.grant", "PUT", "/advocacy/members/{user}/roles/{role}", "{\"reason\":\"r\"}", false);
        admin("AdvocacyAdminResource.revoke", "DELETE", "/advocacy/members/{user}/roles/{role}?reason=r", null, false);
        admin("AdvocacyAdminResource.nominate", "PUT", "/advocacy/members/{user}/nominations/{role}", null, false);
        admin("AdvocacyAdminResource.withdraw", "DELETE", "/advocacy/members/{user}/nominations/{role}", null, false);
        admin("AdvocacyAdminResource.sweep", "POST", "/advocacy/sweep", null, false);
        admin("AdvocacyAdminResource.sweeps", "GET", "/advocacy/sweeps", null, true);
        admin("ElectionsAdminResource.list", "GET", "/elections", null, false);
        admin("ElectionsAdminResource.create", "POST", "/elections", "{\"title\":\"t\",\"method\":\"irv\",\"seats\":1}", false);
        admin("ElectionsAdminResource.get", "GET", "/elections/{election}", null, false);
        admin("ElectionsAdminResource.edit", "PUT", "/elections/{election}", "{\"title\":\"t\",\"seats\":2}", false);
        admin("ElectionsAdminResource.advance", "POST", "/elections/{election}/close", null, false);
        admin("ElectionsAdminResource.results", "GET", "/elections/{election}/results", null, false);
        admin("CirclesAdminResource.settings", "GET", "/circles/settings", null, false);
        admin("CirclesAdminResource.updateSettings", "PUT", "/circles/settings", "{\"approveOrganic\":false}", false);
        admin("CirclesAdminResource.list", "GET", "/circles", null, true);
        admin("CirclesAdminResource.create", "POST", "/circles", "{\"slug\":\"kitchen\",\"name\":\"K\"}", false);
        admin("CirclesAdminResource.get", "GET", "/circles/{circle}", null, false);
        admin("CirclesAdminResource.update", "PUT", "/circles/{circle}", "{\"name\":\"n\"}", false);
        admin("CirclesAdminResource.delete", "DELETE", "/circles/{circle}", null, false);
        admin("CirclesAdminResource.decide", "POST", "/circles/{circle}/approve", null, false);
        admin("CirclesAdminResource.members", "GET", "/circles/{circle}/members", null, true);
        admin("CirclesAdminResource.putMember", "PUT", "/circles/{circle}/members/{user}", "{\"role\":\"member\"}", false);
        admin("CirclesAdminResource.removeMember", "DELETE", "/circles/{circle}/members/{user}", null, false);
        String webhook = "{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":[\"election.certified\"],\"description\":\"d\"}";
        admin("WebhooksAdminResource.list", "GET", "/webhooks", null, false);
        admin("WebhooksAdminResource.create", "POST", "/webhooks", webhook, false);
        admin("WebhooksAdminResource.get", "GET", "/webhooks/{webhook}", null, false);
        admin("WebhooksAdminResource.update", "PUT", "/webhooks/{webhook}", webhook, false);
        admin("WebhooksAdminResource.delete", "DELETE", "/webhooks/{webhook}", null, false);
        admin("WebhooksAdminResource.rotate", "POST", "/webhooks/{webhook}/rotate-secret", null, false);
        admin("WebhooksAdminResource.ping", "POST", "/webhooks/{webhook}/ping", null, false);
        admin("WebhooksAdminResource.deliveries", "GET", "/webhooks/{webhook}/deliveries", null, true);
    }

    /** Well-formed bodies with a value the endpoint must refuse, by the right caller: a 400 naming the field. */
    static final Map<String, List<String>> REFUSED_VALUES = new java.util.HashMap<>();

    static {
        List<String> webhooks = new ArrayList<>();
        for (String url : List.of("http://example.com/hooks", "https://10.0.0.1/hooks", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hooks", "https://localhost/hooks", "http://127.0.0.2/hooks", "https://user:pw@example.com/",
                "ftp://example.com/", "javascript:alert(1)", "/hooks", "https://example.com/" + "a".repeat(2000), "", "<script>")) {
            webhooks.add("{\"url\":\"" + url + "\",\"events\":[\"*\"]}");
        }
        for (String events : List.of("[]", "[\"membership.exploded\"]", "[null]", "[\"*\",\"<b>\"]", "\"*\"",
                "[" + String.join(",", java.util.Collections.nCopies(51, "\"role.granted\"")) + "]")) {
            webhooks.add("{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":" + events + "}");
        }
        webhooks.add("{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":[\"*\"],\"description\":\"" + "d".repeat(501) + "\"}");
        webhooks.add("{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":[\"*\"],\"secret\":\"whsec_mine\"}");
        webhooks.add("{\"events\":[\"*\"]}");
        REFUSED_VALUES.put("WebhooksAdminResource.create", webhooks);
        List<String> circles = new ArrayList<>();
        for (String slug : List.of("A", "ab", "-abc", "abc-", "a--b", "settings", "a".repeat(41), "<script>", "ünï", "a b c", "")) {
            circles.add("{\"slug\":\"" + slug + "\",\"name\":\"N\"}");
        }
        for (String field : List.of("\"name\":\"\"", "\"name\":\"" + "n".repeat(101) + "\"", "\"visibility\":\"everyone\"",
                "\"joinPolicy\":\"maybe\"", "\"topic\":\"no-such-topic\"", "\"maxMembers\":-1",
                "\"description\":{\"not a language\":\"d\"}", "\"description\":{\"en\":\"" + "d".repeat(1001) + "\"}",
                "\"status\":\"archived\"", "\"staff\":[\"no-such-user\"]")) {
            circles.add("{\"slug\":\"fine-slug\",\"name\":\"N\"," + field + "}");
        }
        REFUSED_VALUES.put("CirclesAdminResource.create", circles);
        REFUSED_VALUES.put("CirclesResource.found", circles);
        REFUSED_VALUES.put("CirclesAdminResource.updateSettings", List.of("{\"maxFoundedPerMember\":-1}",
                "{\"foundingMinReputation\":-5}", "{\"maxMembersPerCircle\":-2}", "{\"approveOrganic\":\"yes\"}"));
        REFUSED_VALUES.put("CirclesResource.setRole", List.of("{\"role\":\"king\"}", "{\"role\":\"staff\"}", "{}"));
        REFUSED_VALUES.put("WebhooksAdminResource.update", webhooks);
    }

    /** CORS preflight handlers: they answer OPTIONS before any caller is known and read nothing. */
    static final Map<String, String> PREFLIGHTS = Map.of(
            "Preflight.preflight", "/realms/{realm}/community/membership",
            "Preflight.preflightBelow", "/realms/{realm}/community/elections/{election}/ballot",
            "CommunityRealmResource.preflight", "/realms/{realm}/community/me");

    /** Public documents: they answer anyone the same, whatever token comes with the request, and read nothing. */
    static final Map<String, String> PUBLIC_DOCUMENTS = Map.of(
            "CommunityRealmResource.openApi", "/realms/{realm}/community/openapi.json");

    private HostileEndpoints() {
    }
}
