package io.kccommunity.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP against the real server: tokens from its token endpoint, JSON in and out. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String JSON_TYPE = "application/json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private String adminToken;
    private long adminTokenAt;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Api forServer() {
        return new Api(RealKeycloak.server().baseUrl());
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** An access token of the master realm's bootstrap admin, renewed well before its 60 s lifetime ends. */
    public synchronized String adminToken() {
        if (adminToken == null || System.currentTimeMillis() - adminTokenAt > 30_000) {
            adminTokenAt = System.currentTimeMillis();
            adminToken = passwordGrant("master", "admin-cli", null, KeycloakServer.ADMIN, KeycloakServer.ADMIN_PASSWORD, null)
                    .json().get("access_token").asText();
        }
        return adminToken;
    }

    /** Resource-owner password grant at the realm's real token endpoint. */
    public Reply passwordGrant(String realm, String clientId, String secret, String username, String password, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        if (secret != null) form.put("client_secret", secret);
        form.put("username", username);
        form.put("password", password);
        if (scope != null) form.put("scope", scope);
        return form("/realms/" + realm + "/protocol/openid-connect/token", form);
    }

    public Reply clientCredentials(String realm, String clientId, String secret) {
        return form("/realms/" + realm + "/protocol/openid-connect/token",
                Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    public Reply form(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", path, null, "application/x-www-form-urlencoded", body);
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    public Reply post(String path, String token, Object json) {
        return send("POST", path, token, JSON_TYPE, json == null ? null : write(json));
    }

    public Reply put(String path, String token, Object json) {
        return send("PUT", path, token, JSON_TYPE, write(json));
    }

    /** The raw form: any method, any content type, any body (also broken ones). */
    public Reply send(String method, String path, String token, String contentType, String body) {
        return send(method, path, token, contentType, body, Map.of());
    }

    public Reply send(String method, String path, String token, String contentType, String body, Map<String, String> headers) {
        Map<String, List<String>> repeatable = new LinkedHashMap<>();
        headers.forEach((name, value) -> repeatable.put(name, List.of(value)));
        return sendBytes(method, path, token, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), repeatable);
    }

    /** As {@link #send}, with the body as raw bytes (invalid UTF-8 too) and headers that may repeat (two Authorization headers). */
    public Reply sendBytes(String method, String path, String token, String contentType, byte[] body,
                           Map<String, List<String>> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (contentType != null) request.header("Content-Type", contentType);
        if (!headers.containsKey("Accept")) {
            request.header("Accept", JSON_TYPE);
        }
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the Account Console does to save profile fields: read the account through Keycloak's
     * Account REST API, change the given attributes, post it back.
     */
    public Reply updateAccount(String realm, String token, Map<String, java.util.List<String>> attributes) {
        String path = "/realms/" + realm + "/account/";
        com.fasterxml.jackson.databind.node.ObjectNode account =
                (com.fasterxml.jackson.databind.node.ObjectNode) get(path, token).json();
        com.fasterxml.jackson.databind.node.ObjectNode current = account.has("attributes")
                ? (com.fasterxml.jackson.databind.node.ObjectNode) account.get("attributes") : account.putObject("attributes");
        attributes.forEach((name, values) -> current.set(name, JSON.valueToTree(values)));
        return post(path, token, account);
    }

    /** The payload of a JWT, decoded (the server signed it; we only read it). */
    /**
     * Sends a request again while it answers 409 {@code concurrent_change}, as the API asks apps to
     * (a concurrent request on this or another node won a lock or a unique key; MariaDB's snapshot
     * isolation makes this more frequent than on PostgreSQL).
     */
    public static Reply resendingConflicts(java.util.function.Supplier<Reply> request) {
        Reply reply = request.get();
        for (int attempt = 0; attempt < 20 && reply.status() == 409 && reply.body().contains("concurrent_change"); attempt++) {
            reply = request.get();
        }
        return reply;
    }

    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response: status, body, headers; {@link #json()} parses the body. */
    public record Reply(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (status " + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }
}
