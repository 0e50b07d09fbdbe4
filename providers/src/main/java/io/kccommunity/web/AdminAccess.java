package io.kccommunity.web;

import jakarta.ws.rs.ForbiddenException;
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

    /** The id of the admin making the request. */
    public String adminUserId() {
        return auth.adminAuth().getUser().getId();
    }

    private static void require(Runnable check, String what) {
        try {
            check.run();
        } catch (ForbiddenException e) {
            throw CommunityError.forbidden("Your admin roles do not allow you to " + what);
        }
    }
}
