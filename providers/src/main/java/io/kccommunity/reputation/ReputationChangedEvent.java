package io.kccommunity.reputation;

import io.kccommunity.membership.MemberEntity;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published inside the ledger's transaction, with the member's row locked, whenever a member's
 * reputation or badges changed: promotion rules react to it without reputation knowing them.
 */
public record ReputationChangedEvent(KeycloakSession session, RealmModel realm, UserModel user, MemberEntity member)
        implements ProviderEvent {

    static void publish(KeycloakSession session, RealmModel realm, UserModel user, MemberEntity member) {
        session.getKeycloakSessionFactory().publish(new ReputationChangedEvent(session, realm, user, member));
    }
}
