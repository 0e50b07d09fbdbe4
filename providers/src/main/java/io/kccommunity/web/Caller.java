package io.kccommunity.web;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.cors.Cors;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/** Who is asking: the user behind a valid bearer token issued by the request's realm. */
public record Caller(UserModel user, AccessToken token) {

    public static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "OPTIONS"};

    /**
     * Authenticates the request or answers 401. Tokens of another realm, expired or tampered tokens
     * and tokens of disabled users all fail here, before anything is read.
     */
    public static Caller authenticate(KeycloakSession session) {
        AuthResult result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        if (result == null || result.user() == null) {
            throw CommunityError.unauthorized();
        }
        Cors.builder().auth().allowedMethods(METHODS).checkAllowedOrigins(result.token()).add();
        return new Caller(result.user(), result.token());
    }

    public boolean isServiceAccount() {
        return user.getServiceAccountClientLink() != null;
    }
}
