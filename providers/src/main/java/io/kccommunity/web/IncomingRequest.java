package io.kccommunity.web;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Set;
import org.keycloak.models.KeycloakSession;

/** What every request to our two roots must satisfy before anything reads it. */
final class IncomingRequest {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private IncomingRequest() {
    }

    static void check(KeycloakSession session) {
        HttpHeaders headers = session.getContext().getRequestHeaders();
        List<String> authorization = headers.getRequestHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.size() > 1) {
            // Keycloak reads only the first one, admin requests included: two are refused, not guessed at
            throw CommunityError.unauthorized();
        }
        // Keycloak reads form and multipart bodies of every POST, PUT and PATCH before the resource
        // method runs (its handler chain adds a form reader), and fails with a 500 on a multipart body
        String method = session.getContext().getHttpRequest().getHttpMethod();
        if (WITH_BODY.contains(method) && headers.getHeaderString(HttpHeaders.CONTENT_TYPE) != null) {
            JsonBody.requireJson(headers);
        }
    }
}
