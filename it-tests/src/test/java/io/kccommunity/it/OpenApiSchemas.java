package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

/**
 * Validates JSON against the schemas of an OpenAPI 3.1 document (JSON Schema 2020-12, formats such as
 * {@code date-time} checked): an operation's response, or a webhook's message. Each schema is compiled
 * in a document of its own that carries the OpenAPI document's {@code components}, so its
 * {@code #/components/...} references resolve as they do in the OpenAPI document.
 */
final class OpenApiSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final JsonNode document;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    OpenApiSchemas(JsonNode document) {
        this.document = document;
    }

    /** The document the extension's JAR carries (the one the server serves). */
    static OpenApiSchemas shipped() {
        try (InputStream in = OpenApiSchemas.class.getClassLoader().getResourceAsStream("META-INF/community/openapi.json")) {
            assertTrue(in != null, "the extension's JAR carries META-INF/community/openapi.json");
            return new OpenApiSchemas(Api.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code body} is what operation {@code operationId} documents for {@code status} (null: no body, as a 204). */
    void assertResponse(String operationId, int status, JsonNode body) {
        JsonNode operation = operation(operationId);
        JsonNode responses = operation.path("responses");
        JsonNode response = responses.path(Integer.toString(status));
        if (response.isMissingNode()) {
            response = responses.path(status / 100 + "XX");
        }
        if (response.isMissingNode()) {
            response = responses.path("default");
        }
        assertTrue(!response.isMissingNode(), () -> operationId + " documents no response " + status);
        JsonNode schema = resolve(response).at("/content/application~1json/schema");
        if (schema.isMissingNode()) {
            assertTrue(body == null || body.isMissingNode(), () -> operationId + " " + status + " documents no body, got " + body);
            return;
        }
        assertTrue(body != null, () -> operationId + " " + status + " documents a body, got none");
        assertValid(operationId + " " + status, schema, body);
    }

    /** {@code body} is a message of the webhook {@code type}, as its {@code post}'s request body documents it. */
    void assertWebhook(String type, JsonNode body) {
        JsonNode schema = document.path("webhooks").path(type).at("/post/requestBody/content/application~1json/schema");
        assertTrue(!schema.isMissingNode(), () -> "the document has no webhook " + type);
        assertValid("webhook " + type, schema, body);
    }

    /** The operation named {@code operationId}: also its {@code method} and {@code path}, for a client to call it. */
    JsonNode operation(String operationId) {
        return StreamSupport.stream(document.path("paths").spliterator(), false)
                .flatMap(item -> StreamSupport.stream(item.spliterator(), false))
                .filter(operation -> operationId.equals(operation.path("operationId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("the document has no operation " + operationId));
    }

    private void assertValid(String what, JsonNode schema, JsonNode body) {
        Schema validator = compiled.computeIfAbsent(schema.toString(), key -> compile(schema));
        List<Error> errors = validator.validate(body.toString(), InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), () -> what + " against the document: " + body);
    }

    private Schema compile(JsonNode schema) {
        ObjectNode root = Api.JSON.createObjectNode();
        root.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
        root.set("components", document.path("components"));
        root.putArray("allOf").add(schema);
        return REGISTRY.getSchema(root.toString(), InputFormat.JSON);
    }

    /** A response object, its {@code $ref} to {@code #/components/responses/...} followed. */
    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        return ref == null ? node : document.at(ref.substring(1));
    }
}
