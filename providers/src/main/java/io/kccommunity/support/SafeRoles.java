package io.kccommunity.support;

import io.kccommunity.web.CommunityError;
import org.keycloak.models.RoleModel;

/**
 * The product maps only plain realm roles to members: never a composite role (it could carry
 * realm-management's admin roles to whoever the rules promote) and never a client role.
 */
public final class SafeRoles {

    private SafeRoles() {
    }

    public static boolean isSafe(RoleModel role) {
        return role != null && !role.isClientRole() && !role.isComposite();
    }

    /** Answers 409 {@code unsafe_role} when an admin made {@code role} composite after it was configured. */
    public static RoleModel requireSafe(RoleModel role) {
        if (!isSafe(role)) {
            throw CommunityError.conflict("unsafe_role", "The realm role " + (role == null ? "" : role.getName())
                    + " is composite or missing: the community maps only plain realm roles; remove its composite roles");
        }
        return role;
    }
}
