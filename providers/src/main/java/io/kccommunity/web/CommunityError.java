package io.kccommunity.web;

import jakarta.ws.rs.core.Response.Status;
import org.keycloak.services.ErrorResponseException;

/**
 * The one exception for "the caller did something wrong": Keycloak renders it as
 * {@code {"error": ..., "error_description": ...}} and rolls the request's transaction back.
 */
public final class CommunityError extends ErrorResponseException {

    public CommunityError(Status status, String error, String description) {
        super(error, description, status);
    }

    public static CommunityError badRequest(String error, String description) {
        return new CommunityError(Status.BAD_REQUEST, error, description);
    }

    public static CommunityError unauthorized() {
        return new CommunityError(Status.UNAUTHORIZED, "invalid_token", "A valid bearer token of this realm is required");
    }

    public static CommunityError forbidden(String description) {
        return forbidden("forbidden", description);
    }

    public static CommunityError forbidden(String error, String description) {
        return new CommunityError(Status.FORBIDDEN, error, description);
    }

    /** 403 {@code insufficient_scope} (RFC 6750): the token was not issued for this use. */
    public static CommunityError insufficientScope(String description) {
        return new CommunityError(Status.FORBIDDEN, "insufficient_scope", description);
    }

    public static CommunityError notFound(String error, String description) {
        return new CommunityError(Status.NOT_FOUND, error, description);
    }

    public static CommunityError conflict(String error, String description) {
        return new CommunityError(Status.CONFLICT, error, description);
    }

    public static CommunityError communityNotEnabled() {
        return notFound("community_not_enabled", "The community is not enabled in this realm");
    }
}
