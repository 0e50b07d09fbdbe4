package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on replies, shared by every suite. */
public final class Expect {

    private Expect() {
    }

    /** The reply has this status and Keycloak's JSON error shape with a non-empty description. */
    public static JsonNode error(Api.Reply reply, int status) {
        assertEquals(status, reply.status(), () -> "unexpected reply: " + reply);
        JsonNode body = reply.json();
        assertTrue(body.hasNonNull("error") && !body.get("error").asText().isBlank(), () -> "no 'error' in " + reply);
        assertTrue(body.hasNonNull("error_description") && !body.get("error_description").asText().isBlank(),
                () -> "no 'error_description' in " + reply);
        return body;
    }

    /** As {@link #error(Api.Reply, int)}, and the error code is {@code code}. */
    public static JsonNode error(Api.Reply reply, int status, String code) {
        JsonNode body = error(reply, status);
        assertEquals(code, body.get("error").asText(), () -> "error code of " + reply);
        return body;
    }

    /** A 401 from anywhere: status and a JSON body naming an error (Keycloak's own layer may answer). */
    public static void unauthorized(Api.Reply reply) {
        assertEquals(401, reply.status(), () -> "unexpected reply: " + reply);
        if (!reply.body().isEmpty()) {
            assertTrue(reply.json().hasNonNull("error"), () -> "no 'error' in " + reply);
        }
    }

    public static JsonNode ok(Api.Reply reply, int status) {
        return ok(reply, status, () -> "");
    }

    public static JsonNode ok(Api.Reply reply, int status, java.util.function.Supplier<String> context) {
        assertEquals(status, reply.status(), () -> "unexpected reply: " + reply + " " + context.get());
        return reply.body().isEmpty() ? null : reply.json();
    }

    /**
     * Keycloak's user-profile refusal (400, {@code field} and {@code errorMessage}, alone or under
     * {@code errors}) names {@code field}, with {@code message} unless it is null.
     */
    public static void fieldError(Api.Reply reply, String field, String message) {
        assertEquals(400, reply.status(), reply::toString);
        JsonNode body = reply.json();
        JsonNode errors = body.has("errors") ? body.get("errors") : Api.JSON.createArrayNode().add(body);
        boolean found = false;
        for (JsonNode error : errors) {
            found |= field.equals(error.path("field").asText())
                    && (message == null || message.equals(error.path("errorMessage").asText()));
        }
        assertTrue(found, () -> "no error " + message + " on " + field + " in " + reply);
    }

    public static void notServerError(Api.Reply reply) {
        assertFalse(reply.status() >= 500, () -> "server error: " + reply);
    }
}
