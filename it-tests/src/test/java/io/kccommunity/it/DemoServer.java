package io.kccommunity.it;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo: Keycloak with our JAR on http://localhost:8080 (embedded H2), the "bakers-circle" realm
 * imported, its community enabled by the same admin REST call an admin would make, and three of its
 * users joined through the member API. Runs until interrupted. Started by {@code mvn -Pdemo verify}.
 */
public final class DemoServer {

    static final String REALM = "bakers-circle";
    static final int PORT = Integer.getInteger("demo.port", 8080);

    private DemoServer() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("it.work", "target"));
        KeycloakServer server = new KeycloakServer(Path.of(System.getProperty("keycloak.home")),
                Path.of(System.getProperty("extension.jar")), KeycloakServer.Database.H2,
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
                  Sample app:       client 'recipe-forum' (public, scope 'community')
                  Try:  curl -s -d grant_type=password -d client_id=recipe-forum -d username=ana -d password=ana \\
                          -d scope='openid community' %s/realms/%s/protocol/openid-connect/token
                Press Ctrl-C to stop.
                """.formatted(server.log(), server.baseUrl(), KeycloakServer.ADMIN_PASSWORD, server.baseUrl(), REALM,
                server.baseUrl(), REALM, server.baseUrl(), REALM));
        Thread.currentThread().join();
    }

    /** Imports the realm and sets the community up through the product's own APIs. */
    static void seed(Api api) throws Exception {
        String realm;
        try (InputStream in = DemoServer.class.getResourceAsStream("/demo/bakers-circle-realm.json")) {
            realm = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        check(api.send("POST", "/admin/realms", api.adminToken(), Api.JSON_TYPE, realm), 201, "import realm");
        check(api.put("/admin/realms/" + REALM + "/community/config", api.adminToken(), Map.of(
                "enabled", true, "joinPolicy", "open", "name", "The Baker's Circle",
                "codeOfConductUrl", "https://bakers.example/code-of-conduct", "codeOfConductVersion", "2026-1")), 200,
                "enable community");
        for (String member : new String[] {"ana", "bob", "cyrus"}) {
            Api.Reply token = api.passwordGrant(REALM, "recipe-forum", null, member, member, "openid community");
            check(token, 200, "token for " + member);
            check(api.post("/realms/" + REALM + "/community/membership", token.json().get("access_token").asText(),
                    Map.of("acceptedCodeOfConductVersion", "2026-1")), 201, member + " joins");
        }
    }

    private static void check(Api.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " failed: " + reply);
        }
    }
}
