package io.kccommunity.profile;

import io.kccommunity.setup.CommunitySettings;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * The user-profile attributes only the product writes (membership start, ledger total, badge ids):
 * tokens and {@code /me} read them, so no user or admin may edit them, and only admins see them in
 * Keycloak's forms (the admin console, read-only). Users read them on the Community page, where they
 * are explained; Keycloak's Personal info would show them as disabled inputs with raw values.
 */
public final class Mirrors {

    private static final Logger LOG = Logger.getLogger(Mirrors.class);

    static final List<String> NAMES = List.of("memberSince", "reputation", "badges", "circles");
    private static final Set<String> VIEW = Set.of("admin");

    private Mirrors() {
    }

    /**
     * Gives the mirrored attributes their permissions (admins view, nobody edits), whatever the realm's
     * user profile said, bringing back any the admin removed (an unmanaged attribute may be editable
     * under the realm's unmanaged-attribute policy). Returns true when anything changed.
     */
    static boolean protect(KeycloakSession session) {
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        UPConfig config = provider.getConfiguration();
        UPConfig ours = ProfileSchema.read();
        boolean changed = false;
        for (String name : NAMES) {
            UPAttribute attribute = config.getAttribute(name);
            if (attribute == null) {
                config.addOrReplaceAttribute(ours.getAttribute(name));
                changed = true;
            } else if (!isProtected(attribute.getPermissions())) {
                attribute.setPermissions(new UPAttributePermissions(VIEW, Set.of()));
                changed = true;
            }
        }
        if (changed) {
            provider.setConfiguration(config);
        }
        return changed;
    }

    /**
     * At start: protects the mirrors of every realm whose community is enabled, so realms set up by an
     * earlier release need no new enabling. One transaction per realm; a failure is logged and retried
     * at the next start (two nodes starting at once may both try: the result is the same).
     */
    public static void protectAll(KeycloakSessionFactory factory) {
        try {
            List<String> realmIds = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> s.realms().getRealmsStream()
                    .filter(CommunitySettings::isEnabled).map(RealmModel::getId).toList());
            for (String realmId : realmIds) {
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    RealmModel realm = s.realms().getRealm(realmId);
                    s.getContext().setRealm(realm);
                    if (protect(s)) {
                        LOG.infof("Community attributes %s made read-only and admin-only in realm %s", NAMES, realm.getName());
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not check the permissions of the community's mirrored attributes; checked again at the next start", e);
        }
    }

    private static boolean isProtected(UPAttributePermissions permissions) {
        return permissions != null && VIEW.equals(permissions.getView())
                && (permissions.getEdit() == null || permissions.getEdit().isEmpty());
    }
}
