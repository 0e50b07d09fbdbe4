package io.kccommunity.membership;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published, inside the membership's transaction, when a membership becomes active (join, approval
 * or invitation accepted), so that other capabilities (reputation) react without membership knowing them.
 */
public record MemberActivatedEvent(KeycloakSession session, RealmModel realm, UserModel user) implements ProviderEvent {
}
