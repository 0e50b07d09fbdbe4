package io.kccommunity.advocacy;

import io.kccommunity.membership.Memberships;
import io.kccommunity.setup.CommunityInstaller;
import io.kccommunity.setup.CommunitySettings;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Keeps memberships and holdings in step with role mappings made outside the product (Keycloak's
 * <em>Role mapping</em> tab, its admin REST API, groups, composite roles), so that {@code /me}, the
 * role history and the token never disagree:
 * <ul>
 * <li>{@code community-member} mapped directly to a user makes them an active member; unmapping it
 * ends the membership (as an admin's approval or removal would);</li>
 * <li>an advocate role an active member gains there (directly, through a group or a composite)
 * becomes a manual holding, which rules never revoke; one they lose there ends the holding. Both are
 * in the role history with source {@code manual} and the reason saying where it came from.</li>
 * </ul>
 * The product's own changes reach here too and find nothing to do: they write the row before the mapping.
 */
public final class RoleMappingSync {

    static final String GAINED = "role mapped in Keycloak (role mapping, group or composite role)";
    static final String LOST = "role mapping removed in Keycloak";

    private RoleMappingSync() {
    }

    /** After Keycloak granted or revoked {@code role} for the user: only our roles concern us. */
    public static void roleChanged(KeycloakSession session, RealmModel realm, UserModel user, RoleModel role) {
        if (role.isClientRole() || !CommunitySettings.isEnabled(realm)) {
            return;
        }
        if (CommunityInstaller.MEMBER_ROLE.equals(role.getName())) {
            new Memberships(session, realm, CommunitySettings.read(realm)).followRoleMapping(user);
            return;
        }
        // every user's default roles pass here too: read only the cached rules until the role is ours
        if (AdvocacyRules.read(realm).roles().values().stream().anyMatch(r -> role.getName().equals(r.realmRole()))) {
            follow(new Advocacy(session, realm), user);
        }
    }

    /** After the user joined or left a group, whose roles may be ours. */
    public static void groupsChanged(KeycloakSession session, RealmModel realm, UserModel user) {
        if (CommunitySettings.isEnabled(realm)) {
            follow(new Advocacy(session, realm), user);
        }
    }

    /** Brings the member's holdings in step with the advocate roles Keycloak says they have. */
    public static void follow(Advocacy advocacy, UserModel user) {
        RealmModel realm = advocacy.realm();
        if (!Memberships.isActive(realm, user)) {
            return;
        }
        Map<String, RoleHoldingEntity> held = advocacy.holdings(user);
        advocacy.rules().roles().forEach((role, rule) -> {
            RoleModel realmRole = realm.getRole(rule.realmRole());
            boolean mapped = realmRole != null && user.hasRole(realmRole);
            RoleHoldingEntity holding = held.get(role);
            if (mapped && holding == null) {
                advocacy.record(user, role, Advocacy.MANUAL, null);
                advocacy.history(user.getId(), role, "grant", Advocacy.MANUAL, null, GAINED, null);
            } else if (!mapped && holding != null) {
                advocacy.store().remove(holding);
                advocacy.history(user.getId(), role, "revoke", Advocacy.MANUAL, null, LOST, null);
            }
        });
        advocacy.store().flush();
    }
}
