package io.kccommunity.membership;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/** Published, inside the membership's transaction, when an active membership ends (leave or removal). */
public record MemberDeactivatedEvent(KeycloakSession session, RealmModel realm, UserModel user) implements ProviderEvent {
}
