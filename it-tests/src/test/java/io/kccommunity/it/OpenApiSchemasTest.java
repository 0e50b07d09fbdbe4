package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@link OpenApiSchemas} on fixed payloads, against the document the JAR carries. Needs no server. */
class OpenApiSchemasTest {

    private static final String WEBHOOK = """
            {"id": "w1", "url": "https://apps.example/hook", "events": ["membership.joined", "role.granted"],
             "enabled": true, "createdAt": "2026-01-01T10:00:00Z", "pendingMessages": 0}""";
    private static final String JOINED = """
            {"type": "membership.joined", "timestamp": "2026-01-01T10:00:00.123Z",
             "data": {"realm": "acme", "userId": "u1", "handle": "ana", "status": "active", "previousStatus": "pending"}}""";

    private final OpenApiSchemas schemas = OpenApiSchemas.shipped();

    @Test
    void aResponseIsCheckedAgainstItsOperationAndStatus() {
        schemas.assertResponse("getWebhook", 200, json(WEBHOOK));
        schemas.assertResponse("listWebhooks", 200, json("[" + WEBHOOK + "]"));
        schemas.assertResponse("getWebhook", 404, json("{\"error\": \"webhook_not_found\", \"error_description\": \"No webhook\"}"));
        schemas.assertResponse("deleteWebhook", 204, null);

        fails(() -> schemas.assertResponse("getWebhook", 200, json(WEBHOOK.replace("\"pendingMessages\": 0", "\"pendingMessages\": \"0\""))));
        fails(() -> schemas.assertResponse("getWebhook", 200, json(WEBHOOK.replace("2026-01-01T10:00:00Z", "yesterday"))));
        fails(() -> schemas.assertResponse("getWebhook", 200, json(WEBHOOK.replace("\"role.granted\"", "\"role.eaten\""))));
        fails(() -> schemas.assertResponse("createWebhook", 201, json(WEBHOOK)), "a new webhook shows its secret");
        fails(() -> schemas.assertResponse("getWebhook", 404, json("{\"error_description\": \"No webhook\"}")));
        fails(() -> schemas.assertResponse("getWebhook", 418, json(WEBHOOK)), "no such status is documented");
        fails(() -> schemas.assertResponse("noSuchOperation", 200, json(WEBHOOK)));
    }

    @Test
    void aWebhookMessageIsCheckedAgainstItsType() {
        schemas.assertWebhook("membership.joined", json(JOINED));

        fails(() -> schemas.assertWebhook("membership.left", json(JOINED)), "type is a const");
        fails(() -> schemas.assertWebhook("membership.joined", json(JOINED.replace("\"status\": \"active\"", "\"status\": \"bored\""))));
        fails(() -> schemas.assertWebhook("membership.joined", json(JOINED.replace("\"realm\": \"acme\", ", ""))));
        fails(() -> schemas.assertWebhook("no.such_type", json(JOINED)));
    }

    private static void fails(Runnable check) {
        assertThrows(AssertionError.class, check::run);
    }

    private static void fails(Runnable check, String why) {
        assertThrows(AssertionError.class, check::run, why);
    }

    private static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
