package io.kccommunity.web;

import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.cors.Cors;

/**
 * Answers CORS preflight requests, which carry no token: sub-resource locators hand it out instead
 * of authenticating when the request is an {@code OPTIONS}.
 */
public class Preflight {

    static boolean isPreflight(KeycloakSession session) {
        return "OPTIONS".equalsIgnoreCase(session.getContext().getHttpRequest().getHttpMethod());
    }

    @OPTIONS
    public Response preflight() {
        return Cors.builder().auth().preflight().allowedMethods(Caller.METHODS).add(Response.ok());
    }

    @OPTIONS
    @Path("{any:.*}")
    public Response preflightBelow() {
        return preflight();
    }
}
