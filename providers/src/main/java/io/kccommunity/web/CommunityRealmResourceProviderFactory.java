package io.kccommunity.web;

import io.kccommunity.support.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link CommunityRealmResource} at {@code /realms/{realm}/community}. */
public class CommunityRealmResourceProviderFactory extends StatelessFactory<RealmResourceProvider>
        implements RealmResourceProviderFactory {

    public static final String ID = "community";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new CommunityRealmResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String getId() {
        return ID;
    }
}
