package io.kccommunity.web;

import io.kccommunity.membership.Memberships;
import io.kccommunity.setup.CommunityInstaller;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Arrays;
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

/**
 * Who is asking, and what their token lets them do: the user behind a valid bearer token issued by
 * the request's realm, the client it was issued to ({@code azp}) and the scopes it was granted.
 * A token may <em>read</em> the member's community data when it carries the scope {@code community}
 * or was issued to the Account Console, and <em>act</em> for the member (join, leave, nominate,
 * vote) only when it was issued to the Account Console or carries the scope
 * {@value CommunityInstaller#PARTICIPATION_SCOPE}, which an admin gives a client explicitly.
 * Apps are service accounts holding a role of {@value CommunityInstaller#API_CLIENT}.
 */
public record Caller(UserModel user, AccessToken token, RealmModel realm) {

    public static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "OPTIONS"};

    /**
     * Authenticates the request or answers 401. Tokens of another realm, expired or tampered tokens,
     * tokens of disabled users and malformed {@code Authorization} headers all fail here, before
     * anything is read.
     */
    public static Caller authenticate(KeycloakSession session) {
        AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        } catch (NotAuthorizedException malformedHeader) {
            // Keycloak's answer to a header it cannot parse ("Bearer", "Basic ...") has no error_description
            result = null;
        }
        if (result == null || result.user() == null) {
            // the answer holds nothing worth protecting, and a browser app must be able to read it
            Cors.builder().auth().allowedMethods(METHODS).allowAllOrigins().add();
            throw CommunityError.unauthorized();
        }
        try {
            Cors.builder().auth().allowedMethods(METHODS).checkAllowedOrigins(result.token()).add();
        } catch (WebApplicationException refused) {
            // Keycloak's CORS refuses a token sent from an origin its client does not allow: say so in our shape
            throw CommunityError.forbidden("invalid_origin", "The request's Origin is not a Web origin of the token's client");
        }
        return new Caller(result.user(), result.token(), session.getContext().getRealm());
    }

    /**
     * As {@link #authenticate}, but a request without an {@code Authorization} header, or with a
     * token that may not read community data, is anonymous (null).
     */
    public static Caller authenticateIfPresent(KeycloakSession session) {
        String header = session.getContext().getRequestHeaders().getHeaderString("Authorization");
        if (header == null) {
            return null;
        }
        Caller caller = authenticate(session);
        return caller.isAppWith(CommunityInstaller.VIEW_MEMBERS_ROLE) || caller.mayRead() ? caller : null;
    }

    /** The token was issued to Keycloak's Account Console, the member's own page. */
    public boolean isAccountConsole() {
        return Constants.ACCOUNT_CONSOLE_CLIENT_ID.equals(token.getIssuedFor());
    }

    /** The token was granted {@code scope} (its {@code scope} claim lists it). */
    public boolean hasScope(String scope) {
        String granted = token.getScope();
        return granted != null && Arrays.asList(granted.split(" ")).contains(scope);
    }

    /** May read the member's own community data. */
    public boolean mayRead() {
        return isAccountConsole() || hasScope(CommunityInstaller.CLIENT_SCOPE) || hasScope(CommunityInstaller.PARTICIPATION_SCOPE);
    }

    /** Answers 403 {@code insufficient_scope} unless the token may read community data. */
    public Caller requireRead() {
        if (!mayRead()) {
            throw CommunityError.insufficientScope("This token may not read community data: request the scope '"
                    + CommunityInstaller.CLIENT_SCOPE + "'");
        }
        return this;
    }

    /** Answers 403 {@code insufficient_scope} unless the token may act for the member (join, vote, ...). */
    public Caller requireAct() {
        boolean allowed = !isServiceAccount() && (isAccountConsole() || hasScope(CommunityInstaller.PARTICIPATION_SCOPE));
        if (!allowed) {
            throw CommunityError.insufficientScope("Only the Account Console, or an app the realm's admin allowed the scope '"
                    + CommunityInstaller.PARTICIPATION_SCOPE + "', may act for a member");
        }
        return this;
    }

    /**
     * What the caller reads as: an app with {@code view-members}, a user admin, a member, or another
     * user; a user's token must be allowed to read (else 403).
     */
    public Reader reader() {
        if (isAppWith(CommunityInstaller.VIEW_MEMBERS_ROLE)) {
            return Reader.APP;
        }
        if (isServiceAccount()) {
            throw CommunityError.forbidden("An app reads the community with the role " + CommunityInstaller.VIEW_MEMBERS_ROLE
                    + " of " + CommunityInstaller.API_CLIENT);
        }
        requireRead();
        if (isUserAdmin()) {
            return Reader.USER_ADMIN;
        }
        return isActiveMember() ? Reader.MEMBER : Reader.USER;
    }

    /** Who may read what: see {@link #reader()}. */
    public enum Reader {
        APP, USER_ADMIN, MEMBER, USER;

        public boolean isPrivileged() {
            return this == APP || this == USER_ADMIN;
        }
    }

    /** True when the user holds realm-management's {@code view-users}: the realm's own user admins. */
    public boolean isUserAdmin() {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel viewUsers = management == null ? null : management.getRole(AdminRoles.VIEW_USERS);
        return viewUsers != null && user.hasRole(viewUsers);
    }

    public boolean isActiveMember() {
        return Memberships.isActive(realm, user);
    }

    /** A service account holding any role of {@value CommunityInstaller#API_CLIENT}. */
    public boolean isApp() {
        ClientModel api = realm.getClientByClientId(CommunityInstaller.API_CLIENT);
        return isServiceAccount() && api != null && api.getRolesStream().anyMatch(user::hasRole);
    }

    /** A service account holding {@code role} of {@value CommunityInstaller#API_CLIENT}, directly or through groups and composites. */
    public boolean isAppWith(String role) {
        ClientModel api = realm.getClientByClientId(CommunityInstaller.API_CLIENT);
        RoleModel found = api == null ? null : api.getRole(role);
        return isServiceAccount() && found != null && user.hasRole(found);
    }

    public boolean isServiceAccount() {
        return user.getServiceAccountClientLink() != null;
    }
}
