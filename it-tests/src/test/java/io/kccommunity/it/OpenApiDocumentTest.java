package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the extension's JAR serves agrees with the sources: every JAX-RS method
 * ({@link EndpointCatalog}, CORS preflights aside) is an operation of the document, at the method and
 * path the hostile-input table attacks it at, and the README's REST tables name no endpoint it lacks.
 * Needs no server.
 */
class OpenApiDocumentTest {

    private static final Pattern README_ROW = Pattern.compile("^\\| `(GET|POST|PUT|DELETE) (/[^`?]*)", Pattern.MULTILINE);
    /** An event type constant: {@code public static final String MEMBERSHIP_JOINED = "membership.joined";} ({@code ALL} is no type). */
    private static final Pattern EVENT_TYPE = Pattern.compile("static final String \\w+ = \"([a-z_]+\\.[a-z_]+)\";");

    private final JsonNode document = read();
    /** {@code "GET /realms/{}/community/me"} to the handler the document names for it. */
    private final Map<String, String> operations = operations(document);

    @Test
    void everyEndpointOfTheSourcesIsAnOperationAndNoOtherIs() {
        Set<String> expected = new TreeSet<>(EndpointCatalog.handlers());
        expected.removeAll(HostileEndpoints.PREFLIGHTS.keySet());
        assertTrue(expected.size() >= 40, "the scan found the resources: " + expected);
        Set<String> documented = new TreeSet<>(operations.values());
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(documented);
        documented.removeAll(expected);
        assertEquals(Set.of(), missing, "JAX-RS methods that are no operation of the document (x-handler)");
        assertEquals(Set.of(), documented, "operations of the document whose x-handler is no JAX-RS method");
    }

    @Test
    void eachEndpointIsDocumentedAtItsMethodAndPath() {
        Map<String, String> table = new HashMap<>();
        HostileEndpoints.ENDPOINTS.forEach(e -> table.put(e.method() + " " + normalized(e.path()), e.handler()));
        HostileEndpoints.PUBLIC_DOCUMENTS.forEach((handler, path) -> table.put("GET " + normalized(path), handler));
        table.forEach((operation, handler) -> assertEquals(handler, operations.get(operation), operation));
    }

    @Test
    void everyOperationSaysWhoMayCallItAndWithWhichToken() {
        assertTrue(document.get("openapi").asText().startsWith("3.1"), "an OpenAPI 3.1 document");
        Set<String> kinds = new TreeSet<>();
        document.get("x-caller-kinds").fieldNames().forEachRemaining(kinds::add);
        Set<String> schemes = new TreeSet<>();
        document.at("/components/securitySchemes").fieldNames().forEachRemaining(schemes::add);
        forEachOperation(document, (name, operation) -> {
            assertTrue(operation.path("x-callers").size() > 0, name + " names its callers");
            operation.get("x-callers").forEach(c -> assertTrue(kinds.contains(c.asText()), name + ": caller " + c));
            assertTrue(operation.path("security").size() > 0, name + " names its tokens");
            operation.get("security").forEach(r -> r.fieldNames().forEachRemaining(s -> assertTrue(schemes.contains(s), name + ": " + s)));
        });
    }

    @Test
    void everyWebhookEventTypeOfTheSourcesIsAWebhookAndNoOtherIs() throws Exception {
        Path source = Path.of(System.getProperty("community.sources", "../providers/src/main/java"),
                "io/kccommunity/webhooks/WebhookEvents.java");
        Set<String> types = new TreeSet<>();
        Matcher constant = EVENT_TYPE.matcher(Files.readString(source));
        while (constant.find()) {
            types.add(constant.group(1));
        }
        assertTrue(types.size() >= 10 && types.contains("webhook.ping"), "the scan found the event types: " + types);
        Set<String> documented = new TreeSet<>();
        document.path("webhooks").fieldNames().forEachRemaining(documented::add);
        assertEquals(types, documented, "the document's webhooks and WebhookEvents' types");
        documented.forEach(type -> assertEquals(type, document.at("/webhooks/" + type
                + "/post/requestBody/content/application~1json/schema/properties/type/const").asText(), type + "'s envelope"));
    }

    @Test
    void theReadmeTablesNameOnlyDocumentedEndpoints() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("community.readme", "../README.md")));
        String api = readme.substring(readme.indexOf("\n## REST API"), readme.indexOf("\n## Recount command line"));
        int admins = api.indexOf("\n### Admins");
        List<String> missing = new ArrayList<>();
        Matcher row = README_ROW.matcher(api);
        int rows = 0;
        while (row.find()) {
            String root = row.start() > admins ? "/admin/realms/{}/community" : "/realms/{}/community";
            String operation = row.group(1) + " " + normalized(root + row.group(2));
            rows++;
            if (!operations.containsKey(operation)) {
                missing.add(operation);
            }
        }
        assertTrue(rows >= 40, "the README's REST tables were found: " + rows);
        assertEquals(List.of(), missing, "README rows without an operation in the document");
    }

    private static String normalized(String path) {
        return path.replaceAll("\\?.*", "").replaceAll("\\{[^}]*}", "{}");
    }

    private static Map<String, String> operations(JsonNode document) {
        Map<String, String> found = new HashMap<>();
        forEachOperation(document, (name, operation) -> {
            assertTrue(found.put(name, operation.path("x-handler").asText()) == null, "listed twice: " + name);
            assertTrue(operation.hasNonNull("x-handler"), name + " names its handler");
        });
        return found;
    }

    /** Each operation under its name {@code "GET /realms/{}/community/me"}. */
    private static void forEachOperation(JsonNode document, java.util.function.BiConsumer<String, JsonNode> action) {
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!method.getKey().equals("parameters")) {
                action.accept(method.getKey().toUpperCase(Locale.ROOT) + " " + normalized(path.getKey()), method.getValue());
            }
        }));
    }

    /** The document as the extension's JAR carries it. */
    private static JsonNode read() {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream("META-INF/community/openapi.json")) {
            assertTrue(in != null, "the extension's JAR carries META-INF/community/openapi.json");
            return Api.JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
