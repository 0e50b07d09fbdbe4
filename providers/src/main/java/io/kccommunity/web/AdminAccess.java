package io.kccommunity.web;

import io.kccommunity.support.Text;
import jakarta.ws.rs.ForbiddenException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Keycloak's admin permission checks, answering a refusal with our JSON error (Keycloak's own
 * {@code ForbiddenException} body has no {@code error_description}).
 */
public final class AdminAccess {

    private final AdminPermissionEvaluator auth;

    public AdminAccess(AdminPermissionEvaluator auth) {
        this.auth = auth;
    }

    public void viewRealm() {
        require(() -> auth.realm().requireViewRealm(), "view this realm");
    }

    public void manageRealm() {
        require(() -> auth.realm().requireManageRealm(), "manage this realm");
    }

    public void viewUsers() {
        require(() -> auth.users().requireView(), "view users of this realm");
    }

    public void manageUsers() {
        require(() -> auth.users().requireManage(), "manage users of this realm");
    }

    /**
     * Keycloak's own permission to map {@code role} (as its Role mapping tab checks it): an admin who
     * may not map a role cannot make the product map it, by rule, by hand or by election.
     */
    public void mapRole(RoleModel role) {
        requireExists(role);
        require(() -> auth.roles().requireMapRole(role), "map the role " + role.getName());
    }

    /** As {@link #mapRole(RoleModel)}, to this user: also the permission to map roles to them. */
    public void mapRole(UserModel user, RoleModel role) {
        requireExists(role);
        require(() -> {
            auth.users().requireMapRoles(user);
            auth.roles().requireMapRole(role);
        }, "map the role " + role.getName() + " to this user");
    }

    /** A user of this realm by id, or 404 {@code user_not_found} (also for another realm's users). */
    public static UserModel user(KeycloakSession session, RealmModel realm, String userId) {
        UserModel user = Text.isId(userId, 255) ? session.users().getUserById(realm, userId) : null;
        if (user == null) {
            throw CommunityError.notFound("user_not_found", "No user with this id in this realm");
        }
        return user;
    }

    /** The id of the admin making the request. */
    public String adminUserId() {
        return auth.adminAuth().getUser().getId();
    }

    private static void requireExists(RoleModel role) {
        if (role == null) {
            throw CommunityError.conflict("role_missing", "The realm role this advocate role maps to no longer exists");
        }
    }

    private static void require(Runnable check, String what) {
        try {
            check.run();
        } catch (ForbiddenException e) {
            throw CommunityError.forbidden("Your admin roles do not allow you to " + what);
        }
    }

    /** Records a successful admin change as an admin event at {@code community/<area>/<path...>}. */
    public static void event(AdminEventBuilder adminEvent, OperationType operation, String resource, Object representation,
                             String area, String... path) {
        String[] full = new String[path.length + 2];
        full[0] = "community";
        full[1] = area;
        System.arraycopy(path, 0, full, 2, path.length);
        adminEvent.operation(operation).resource(resource).resourcePath(full).representation(representation).success();
    }
}
