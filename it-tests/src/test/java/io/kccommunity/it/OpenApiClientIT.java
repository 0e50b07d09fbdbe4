package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An app written only from the document: {@link DocumentClient} knows no path of the API, only the
 * served document's address and operation ids; it finds each operation's method, path template and
 * path parameters there, calls the live server, and checks every answer against the document's
 * schema for that operation and status. Realms, users and tokens are set up as in the other suites.
 */
@ExtendWith(RealKeycloak.class)
class OpenApiClientIT {

    private final Api api = Api.forServer();

    @Test
    void aMemberJoinsReadsThemselvesAndAnAppAwardsThemReputation() {
        TestRealm realm = TestRealm.create(api, "openapi-client");
        realm.enableCommunity(Map.of());
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        String userId = realm.createUser("ana");
        String member = realm.token("ana");
        DocumentClient client = DocumentClient.read(api, realm.name);
        Map<String, String> inRealm = Map.of("realm", realm.name);

        assertEquals(401, client.call("getMe", null, inRealm, null).status(), "the document's 401 is what comes without a token");
        DocumentClient.Answer joined = client.call("join", member, inRealm, null);
        assertEquals(201, joined.status(), joined::toString);
        assertEquals("active", joined.body().get("status").asText(), "the default policy lets anyone join");

        JsonNode me = client.call("getMe", member, inRealm, null).expect(200);
        assertEquals(userId, me.get("userId").asText());
        assertEquals("active", me.at("/membership/status").asText());
        long before = me.at("/reputation/total").asLong();

        String app = realm.serviceToken();
        JsonNode awarded = client.call("recordReputationEvents", app, inRealm,
                Map.of("userId", userId, "type", "answer-accepted", "key", "openapi-client-1")).expect(201);
        assertEquals(userId, awarded.get("userId").asText(), awarded::toString);
        assertTrue(awarded.get("points").asLong() > 0, awarded::toString);
        assertEquals(before + awarded.get("points").asLong(), awarded.get("total").asLong(), awarded::toString);

        // the same token: a new login could add the built-in daily-login points
        JsonNode after = client.call("getMe", member, inRealm, null).expect(200);
        assertEquals(awarded.get("total").asLong(), after.at("/reputation/total").asLong(), after::toString);
        JsonNode asAdmin = client.call("getReputationOf", api.adminToken(), Map.of("realm", realm.name, "userId", userId), null)
                .expect(200);
        assertEquals(awarded.get("total").asLong(), asAdmin.get("total").asLong(), asAdmin::toString);
    }

    @Test
    void anAdminSubscribesAUrlAndItsMessagesAreTheDocumentsWebhooks() throws Exception {
        TestRealm realm = TestRealm.create(api, "openapi-webhooks");
        realm.enableCommunity(Map.of());
        DocumentClient client = DocumentClient.read(api, realm.name);
        BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(KeycloakServer.WEBHOOK_HOST, 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://" + KeycloakServer.WEBHOOK_HOST + ":" + receiver.getAddress().getPort() + "/hook";
            Map<String, String> inRealm = Map.of("realm", realm.name);
            JsonNode created = client.call("createWebhook", api.adminToken(), inRealm,
                    Map.of("url", url, "events", List.of("*"), "description", "from the document")).expect(201);
            Map<String, String> webhook = Map.of("realm", realm.name, "webhookId", created.get("id").asText());

            realm.createUser("ben");
            client.call("join", realm.token("ben"), inRealm, null).expect(201);
            client.call("pingWebhook", api.adminToken(), webhook, null).expect(202);
            Set<String> types = new java.util.TreeSet<>();
            while (!types.contains("webhook.ping")) {
                Delivery delivery = received.poll(30, TimeUnit.SECONDS);
                assertTrue(delivery != null, "a message within 30 s; so far " + types);
                JsonNode message = Api.JSON.readTree(delivery.body());
                client.schemas.assertWebhook(message.get("type").asText(), message);
                assertEquals(sign(created.get("secret").asText(), delivery), delivery.signature(), "the documented signature");
                types.add(message.get("type").asText());
            }
            assertTrue(types.contains("membership.joined"), types::toString);

            JsonNode log = client.call("listWebhookDeliveries", api.adminToken(), webhook, null).expect(200);
            assertTrue(log.size() >= types.size(), log::toString);
            log.forEach(line -> assertEquals("delivered", line.get("outcome").asText(), "the receiver answered 204: " + line));
            client.call("rotateWebhookSecret", api.adminToken(), webhook, null).expect(200);
            client.call("getWebhook", api.adminToken(), webhook, null).expect(200);
            client.call("listWebhooks", api.adminToken(), inRealm, null).expect(200);
            client.call("updateWebhook", api.adminToken(), webhook, Map.of("url", url, "events", List.of("role.granted"),
                    "enabled", false)).expect(200);
            client.call("pingWebhook", api.adminToken(), webhook, null).expect(409);
            client.call("deleteWebhook", api.adminToken(), webhook, null).expect(204);
            client.call("getWebhook", api.adminToken(), webhook, null).expect(404);
        } finally {
            receiver.stop(0);
        }
    }

    /** What a receiver got: the three webhook-* headers and the body. */
    private record Delivery(String id, String timestamp, String signature, String body) {
    }

    /** The signature as the document's {@code webhook-signature} parameter describes it. */
    private static String sign(String secret, Delivery delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] digest = mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(digest);
    }

    /** Calls operations by id, as the served document describes them. */
    static final class DocumentClient {

        private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}]+)}");

        private final Api api;
        private final JsonNode document;
        final OpenApiSchemas schemas;

        private DocumentClient(Api api, JsonNode document) {
            this.api = api;
            this.document = document;
            this.schemas = new OpenApiSchemas(document);
        }

        /** The one address the app knows: where the realm serves the document. */
        static DocumentClient read(Api api, String realm) {
            Api.Reply reply = api.get("/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8) + "/community/openapi.json", null);
            return new DocumentClient(api, Expect.ok(reply, 200));
        }

        /** Sends {@code body} (null: none) to operation {@code operationId}, and checks the answer against the document. */
        Answer call(String operationId, String token, Map<String, String> pathParameters, Object body) {
            Map.Entry<String, String> found = find(operationId);
            String method = found.getKey();
            String template = found.getValue();
            JsonNode operation = document.path("paths").path(template).path(method);
            assertTrue(body == null || operation.has("requestBody"), operationId + " takes no body");
            assertEquals(declaredPathParameters(template, operation), pathParameters.keySet(), operationId + "'s path parameters");
            Matcher parameter = TEMPLATE_PARAMETER.matcher(template);
            StringBuilder path = new StringBuilder();
            while (parameter.find()) {
                String value = URLEncoder.encode(pathParameters.get(parameter.group(1)), StandardCharsets.UTF_8).replace("+", "%20");
                parameter.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            parameter.appendTail(path);
            Api.Reply reply = api.send(method.toUpperCase(java.util.Locale.ROOT), server() + path, token,
                    body == null ? null : Api.JSON_TYPE, body == null ? null : Api.write(body));
            JsonNode json = reply.body().isEmpty() ? null : reply.json();
            schemas.assertResponse(operationId, reply.status(), json);
            return new Answer(operationId, reply.status(), json);
        }

        /** The method and path template of {@code operationId}. */
        private Map.Entry<String, String> find(String operationId) {
            var paths = document.path("paths").fields();
            while (paths.hasNext()) {
                var path = paths.next();
                var methods = path.getValue().fields();
                while (methods.hasNext()) {
                    var method = methods.next();
                    if (operationId.equals(method.getValue().path("operationId").asText())) {
                        return Map.entry(method.getKey(), path.getKey());
                    }
                }
            }
            throw new AssertionError("the document has no operation " + operationId);
        }

        /** The path parameters the path item and the operation declare ({@code $ref}s followed); they must be the template's. */
        private Set<String> declaredPathParameters(String template, JsonNode operation) {
            Set<String> declared = new LinkedHashSet<>();
            for (JsonNode list : new JsonNode[] {document.path("paths").path(template).path("parameters"), operation.path("parameters")}) {
                for (JsonNode parameter : list) {
                    JsonNode resolved = parameter.has("$ref") ? document.at(parameter.get("$ref").asText().substring(1)) : parameter;
                    if ("path".equals(resolved.path("in").asText())) {
                        declared.add(resolved.get("name").asText());
                    }
                }
            }
            Set<String> inTemplate = new LinkedHashSet<>();
            TEMPLATE_PARAMETER.matcher(template).results().forEach(m -> inTemplate.add(m.group(1)));
            assertEquals(inTemplate, declared, template + " declares the parameters of its template");
            return declared;
        }

        /** The first server's URL, relative to the server the app talks to ({@code /} here). */
        private String server() {
            String url = document.at("/servers/0/url").asText("/");
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }

        record Answer(String operationId, int status, JsonNode body) {
            JsonNode expect(int expected) {
                assertEquals(expected, status, () -> operationId + " answered " + status + " " + body);
                return body;
            }
        }
    }
}
