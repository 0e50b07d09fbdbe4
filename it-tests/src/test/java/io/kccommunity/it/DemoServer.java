package io.kccommunity.it;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo: Keycloak with our JAR on http://localhost:8080 (embedded H2), the "bakers-circle" realm
 * imported, its community enabled by the same admin REST call an admin would make, and three of its
 * users joined through the member API. Runs until interrupted. Started by {@code mvn -Pdemo verify}.
 */
public final class DemoServer {

    static final String REALM = "bakers-circle";
    static final int PORT = Integer.getInteger("demo.port", 8080);

    private final Api api;
    private final String realm;

    private DemoServer(Api api, String realm) {
        this.api = api;
        this.realm = realm;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("it.work", "target"));
        KeycloakServer server = new KeycloakServer(Path.of(System.getProperty("keycloak.home")),
                Path.of(System.getProperty("extension.jar")), Database.H2,
                work.resolve("demo-keycloak.log"), PORT);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("Starting Keycloak with Keycloak Community on " + server.baseUrl() + " ...");
        server.start();
        seed(new Api(server.baseUrl()));
        System.out.println("""

                Keycloak Community demo is running (log: %s)
                  Admin console:    %s/admin/  (admin / %s; or realm admin marta / marta)
                  Account console:  %s/realms/%s/account/  (members ana, bob, cyrus; non-member dee; password = username)
                  Member API:       %s/realms/%s/community/me
                  Public profile:   %s/realms/%s/community/members/ana.bakes
                  Leaderboard:      %s/realms/%s/community/leaderboard  (a member's token)
                  Elections:        %s/realms/%s/community/elections  ('Board 2026' certified; 'Moderators 2027' open)
                  Sample app:       client 'recipe-forum' (public, scope 'community')
                  Try:  curl -s -d grant_type=password -d client_id=recipe-forum -d username=ana -d password=ana \\
                          -d scope='openid community' %s/realms/%s/protocol/openid-connect/token
                Press Ctrl-C to stop.
                """.formatted(server.log(), server.baseUrl(), KeycloakServer.ADMIN_PASSWORD, server.baseUrl(), REALM,
                server.baseUrl(), REALM, server.baseUrl(), REALM, server.baseUrl(), REALM, server.baseUrl(), REALM,
                server.baseUrl(), REALM));
        Thread.currentThread().join();
    }

    /** Imports the realm and sets the community up through the product's own APIs. */
    static void seed(Api api) throws Exception {
        seed(api, REALM);
    }

    /** The demo community under another realm name, for tests that change it. */
    static void seed(Api api, String name) throws Exception {
        seed(api, name, realm -> { });
    }

    /**
     * As {@link #seed(Api, String)}, with more members: {@code moreMembers} runs once the demo's own
     * members have joined and before the elections open, so its members are in their electorates.
     */
    static void seed(Api api, String name, java.util.function.Consumer<String> moreMembers) throws Exception {
        DemoServer demo = new DemoServer(api, name);
        demo.moreMembers = moreMembers;
        demo.seed();
    }

    private java.util.function.Consumer<String> moreMembers = realm -> { };

    private void seed() throws Exception {
        String json;
        try (InputStream in = DemoServer.class.getResourceAsStream("/demo/bakers-circle-realm.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(REALM, realm);
        }
        check(api.send("POST", "/admin/realms", api.adminToken(), Api.JSON_TYPE, json), 201, "import realm");
        check(api.put("/admin/realms/" + realm + "/community/config", api.adminToken(), Map.of(
                "enabled", true, "joinPolicy", "open", "name", "The Baker's Circle",
                "codeOfConductUrl", "https://bakers.example/code-of-conduct", "codeOfConductVersion", "2026-1",
                "description", Map.of("en", "Home bakers sharing recipes, tips and a weekly bake-along.",
                        "pl", "Domowi piekarze dziel\u0105 si\u0119 przepisami, radami i wsp\u00f3lnym pieczeniem co tydzie\u0144."),
                "benefits", Map.of("en", List.of("Tested recipes", "Live bake-alongs", "A vote on the board"),
                        "pl", List.of("Sprawdzone przepisy", "Wsp\u00f3lne pieczenie na \u017cywo", "G\u0142os w wyborach zarz\u0105du")))), 200,
                "enable community");
        useBakeryTopics();
        // the forum lets members join and vote from its own pages: the realm's admin trusts it with that
        TestRealm.allowParticipation(api, realm, "recipe-forum");
        for (Map.Entry<String, Map<String, List<String>>> member : PROFILES.entrySet()) {
            Api.Reply token = api.passwordGrant(realm, "recipe-forum", null, member.getKey(), member.getKey(), TestRealm.SCOPE);
            check(token, 200, "token for " + member.getKey());
            String accessToken = token.json().get("access_token").asText();
            check(api.post("/realms/" + realm + "/community/membership", accessToken,
                    Map.of("acceptedCodeOfConductVersion", "2026-1")), 201, member.getKey() + " joins");
            check(api.updateAccount(realm, accessToken, member.getValue()), 204, member.getKey() + "'s profile");
        }
        awardReputation();
        new DemoCircles(api, realm).found(this::memberToken);
        moreMembers.accept(realm);
        holdElections();
    }

    /** A certified board election (bob won) and an open moderator election to vote in. */
    private void holdElections() {
        String elections = "/admin/realms/" + realm + "/community/elections";
        String board = check(api.post(elections, api.adminToken(), Map.of("title", "Board 2026", "method", "irv",
                "description", Map.of("en", "The chair of the Baker's Circle for a year."),
                "winnerRole", "board-member", "termDays", 365)), 201, "create the board election").json().get("id").asText();
        check(api.post(elections + "/" + board + "/open-nominations", api.adminToken(), null), 200, "open nominations");
        stand(board, "ana", "Sourdough classes every month.");
        stand(board, "bob", "More whole-grain events.");
        check(api.post(elections + "/" + board + "/open-voting", api.adminToken(), null), 200, "open voting");
        Map<String, String> candidates = candidates(board);
        vote(board, "ana", candidates.get("ana.bakes"), candidates.get("rye-bob"));
        vote(board, "bob", candidates.get("rye-bob"));
        vote(board, "cyrus", candidates.get("rye-bob"), candidates.get("ana.bakes"));
        check(api.post(elections + "/" + board + "/close", api.adminToken(), null), 200, "close");
        check(api.post(elections + "/" + board + "/certify", api.adminToken(), null), 200, "certify");

        String moderators = check(api.post(elections, api.adminToken(), Map.of("title", "Moderators 2027",
                "method", "meek-stv", "seats", 2, "description", Map.of("en", "Two moderators for the forum."),
                "winnerRole", "moderator", "termDays", 180)), 201, "create the moderator election").json().get("id").asText();
        check(api.post(elections + "/" + moderators + "/open-nominations", api.adminToken(), null), 200, "open nominations");
        stand(moderators, "ana", "Kind and quick.");
        stand(moderators, "bob", "I read every post anyway.");
        stand(moderators, "cyrus", "Pastry threads need love.");
        check(api.post(elections + "/" + moderators + "/open-voting", api.adminToken(), null), 200, "open voting");
    }

    private void stand(String election, String member, String statement) {
        String token = memberToken(member);
        String self = Api.claims(token).get("sub").asText();
        check(api.post("/realms/" + realm + "/community/elections/" + election + "/candidates", token,
                Map.of("userId", self, "statement", statement)), 201, member + " stands");
    }

    private Map<String, String> candidates(String election) {
        Map<String, String> ids = new LinkedHashMap<>();
        check(api.get("/realms/" + realm + "/community/elections/" + election, memberToken("ana")), 200, "read election")
                .json().get("candidates").forEach(c -> ids.put(c.get("handle").asText(), c.get("id").asText()));
        return ids;
    }

    private void vote(String election, String member, String... ranking) {
        check(api.put("/realms/" + realm + "/community/elections/" + election + "/ballot", memberToken(member),
                Map.of("ranking", List.of(ranking))), 201, member + " votes");
    }

    private String memberToken(String member) {
        return check(api.passwordGrant(realm, "recipe-forum", null, member, member, TestRealm.SCOPE), 200,
                "token for " + member).json().get("access_token").asText();
    }

    /** The forum's backend is allowed to award reputation (as an admin grants it) and awards some. */
    private void awardReputation() {
        String admin = api.adminToken();
        String base = "/admin/realms/" + realm + "/clients";
        String backend = api.get(base + "?clientId=recipe-forum-backend", admin).json().get(0).get("id").asText();
        String serviceUser = api.get(base + "/" + backend + "/service-account-user", admin).json().get("id").asText();
        String apiClient = api.get(base + "?clientId=community-api", admin).json().get(0).get("id").asText();
        var role = api.get(base + "/" + apiClient + "/roles/award-reputation", admin).json();
        check(api.post("/admin/realms/" + realm + "/users/" + serviceUser + "/role-mappings/clients/" + apiClient, admin,
                List.of(role)), 204, "grant award-reputation");
        String app = api.clientCredentials(realm, "recipe-forum-backend", "demo-backend-secret").json()
                .get("access_token").asText();
        List<Map<String, Object>> events = List.of(
                Map.of("handle", "ana.bakes", "type", "answer-accepted", "reason", "Starter rescue", "key", "demo-1"),
                Map.of("handle", "ana.bakes", "type", "answer-accepted", "reason", "Hydration maths", "key", "demo-2"),
                Map.of("handle", "ana.bakes", "type", "post-upvoted", "reason", "Sunday loaf photo", "key", "demo-3"),
                Map.of("handle", "rye-bob", "type", "post-upvoted", "reason", "Rye guide", "key", "demo-4"),
                Map.of("handle", "rye-bob", "type", "helpful-flag", "key", "demo-5"),
                Map.of("handle", "cyrus", "type", "helpful-flag", "key", "demo-6"));
        check(api.post("/realms/" + realm + "/community/reputation/events", app, events), 201, "award reputation");
        String ana = api.get("/admin/realms/" + realm + "/users?username=ana&exact=true", admin).json().get(0).get("id").asText();
        check(api.put("/admin/realms/" + realm + "/community/advocacy/members/" + ana + "/roles/guru", api.adminToken(),
                Map.of("reason", "Answers sourdough questions every week")), 200, "ana becomes a guru");
    }

    /** Complete profiles with a mix of visibilities: public, members only, private. */
    static final Map<String, Map<String, List<String>>> PROFILES = new LinkedHashMap<>();

    static {
        PROFILES.put("ana", Map.of("handle", List.of("ana.bakes"), "displayName", List.of("Ana Baker"),
                "bio", List.of("Sourdough every Sunday. Happy to help with starters."),
                "interests", List.of("sourdough", "baking-science"), "location", List.of("Vermont"),
                "website", List.of("https://ana.bakers.example"), "avatarUrl", List.of("https://bakers.example/avatars/ana.png"),
                "languages", List.of("en", "es"), "profileVisibility", List.of("public"), "newsletter", List.of("yes")));
        PROFILES.put("bob", Map.of("handle", List.of("rye-bob"), "displayName", List.of("Bob Rye"),
                "bio", List.of("Rye, spelt and anything whole grain."), "interests", List.of("whole-grain", "events"),
                "location", List.of("Gda\u0144sk"), "website", List.of("https://bob.bakers.example"),
                "avatarUrl", List.of("https://bakers.example/avatars/bob.png"), "languages", List.of("pl", "en"),
                "profileVisibility", List.of("members"), "newsletter", List.of("no")));
        PROFILES.put("cyrus", Map.of("handle", List.of("cyrus"), "displayName", List.of("Cyrus Levain"),
                "bio", List.of("Pastry chef; lamination questions welcome."), "interests", List.of("pastry"),
                "location", List.of("Sofia"), "website", List.of("https://cyrus.bakers.example"),
                "avatarUrl", List.of("https://bakers.example/avatars/cyrus.png"), "languages", List.of("bg", "en"),
                "profileVisibility", List.of("private"), "newsletter", List.of("yes")));
    }

    /** What an admin does in Realm settings, User profile: the interests to choose from. */
    private void useBakeryTopics() {
        String path = "/admin/realms/" + realm + "/users/profile";
        ObjectNode profile = (ObjectNode) api.get(path, api.adminToken()).json();
        for (var attribute : profile.get("attributes")) {
            if ("interests".equals(attribute.get("name").asText())) {
                ((ObjectNode) attribute.get("validations").get("options")).set("options", Api.JSON.valueToTree(
                        List.of("sourdough", "whole-grain", "pastry", "gluten-free", "baking-science", "events")));
            }
        }
        check(api.put(path, api.adminToken(), profile), 200, "bakery topics");
    }

    private static Api.Reply check(Api.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " failed: " + reply);
        }
        return reply;
    }
}
