package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /realms/{realm}/community/openapi.json}: the API's document, public (no token, any
 * origin), exactly as the JAR carries it; a realm without community answers as on every path.
 */
@ExtendWith(RealKeycloak.class)
class OpenApiIT {

    private static final String ORIGIN = "http://docs.example";

    private final Api api = Api.forServer();

    @Test
    void theDocumentIsServedWithoutATokenToAnyOrigin() throws Exception {
        TestRealm realm = TestRealm.create(api, "openapi");
        realm.enableCommunity(Map.of());
        Api.Reply reply = api.send("GET", realm.path("/openapi.json"), null, null, null, Map.of("Origin", ORIGIN));
        JsonNode document = Expect.ok(reply, 200);
        assertTrue(document.get("openapi").asText().startsWith("3.1"), document.path("openapi")::toString);
        assertTrue(header(reply, "content-type").startsWith("application/json"), reply.headers()::toString);
        assertEquals(ORIGIN, header(reply, "access-control-allow-origin"), reply.headers()::toString);
        try (InputStream shipped = getClass().getClassLoader().getResourceAsStream("META-INF/community/openapi.json")) {
            assertEquals(Api.JSON.readTree(shipped), document, "the document the JAR carries");
        }
        assertTrue(document.at("/paths/~1realms~1{realm}~1community~1openapi.json/get").isObject(), "it describes itself");
    }

    @Test
    void aRealmWithoutCommunityAnswersCommunityNotEnabled() {
        TestRealm plain = TestRealm.create(api, "openapi-plain");
        Api.Reply reply = api.send("GET", plain.path("/openapi.json"), null, null, null, Map.of("Origin", ORIGIN));
        Expect.error(reply, 404, "community_not_enabled");
        assertEquals(ORIGIN, header(reply, "access-control-allow-origin"), "a browser app can read why");
    }

    private static String header(Api.Reply reply, String name) {
        return reply.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }
}
