package io.kccommunity.web;

import jakarta.ws.rs.NotAuthorizedException;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
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
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (NotAuthorizedException malformedHeader) {
            // Keycloak's answer to a header it cannot parse ("Bearer", "Basic ...") has no error_description
            throw CommunityError.unauthorized();
        }
        if (result == null || result.user() == null) {
            throw CommunityError.unauthorized();
        }
        Cors.builder().auth().allowedMethods(METHODS).checkAllowedOrigins(result.token()).add();
        return new Caller(result.user(), result.token());
    }

    /** As {@link #authenticate}, but a request without an Authorization header is anonymous (null). */
    public static Caller authenticateIfPresent(KeycloakSession session) {
        String header = session.getContext().getRequestHeaders().getHeaderString("Authorization");
        return header == null ? null : authenticate(session);
    }

    /** True when the user holds realm-management's {@code view-users}: the realm's own user admins. */
    public boolean isUserAdmin(RealmModel realm) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel viewUsers = management == null ? null : management.getRole(AdminRoles.VIEW_USERS);
        return viewUsers != null && user.hasRole(viewUsers);
    }

    /** True when the user holds {@code role} of the client {@code clientId}, directly or through groups and composites. */
    public boolean hasClientRole(RealmModel realm, String clientId, String role) {
        ClientModel client = realm.getClientByClientId(clientId);
        RoleModel found = client == null ? null : client.getRole(role);
        return found != null && user.hasRole(found);
    }

    public boolean isServiceAccount() {
        return user.getServiceAccountClientLink() != null;
    }
}
