package io.kccommunity.support;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/** Base of our provider factories that hold no configuration and no resources of their own. */
public abstract class StatelessFactory<T extends Provider> implements ProviderFactory<T> {

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
