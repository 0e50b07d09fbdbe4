package io.kccommunity.advocacy;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Admins' nominations of members for advocate roles whose promotion rule asks for one. */
public final class RoleNominations {

    private final RealmModel realm;
    private final Advocacy advocacy;
    private final AdvocacyStore store;

    public RoleNominations(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.advocacy = new Advocacy(session, realm);
        this.store = new AdvocacyStore(session);
    }

    public boolean nominate(UserModel user, String role, String actor) {
        advocacy.requireRole(role);
        if (store.nomination(realm.getId(), user.getId(), role) != null) {
            return false;
        }
        NominationEntity nomination = new NominationEntity();
        nomination.setId(KeycloakModelUtils.generateId());
        nomination.setRealmId(realm.getId());
        nomination.setUserId(user.getId());
        nomination.setRole(role);
        nomination.setNominatedBy(actor);
        nomination.setNominatedAt(Time.currentTimeMillis());
        store.persist(nomination);
        store.flush();
        return true;
    }

    public boolean withdrawNomination(UserModel user, String role) {
        advocacy.requireRole(role);
        NominationEntity nomination = store.nomination(realm.getId(), user.getId(), role);
        if (nomination == null) {
            return false;
        }
        store.remove(nomination);
        store.flush();
        return true;
    }
}
