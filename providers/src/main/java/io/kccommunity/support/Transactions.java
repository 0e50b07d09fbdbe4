package io.kccommunity.support;

import io.kccommunity.web.CommunityError;
import jakarta.persistence.PersistenceException;
import java.util.function.Function;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs work in a transaction of its own, retried when the database refuses it because a concurrent
 * transaction won a unique key or a lock (another node, another thread). A retry starts afresh, so
 * it sees what the winner committed: a duplicate becomes a replay instead of an error.
 */
public final class Transactions {

    static final int ATTEMPTS = 4;

    private Transactions() {
    }

    /** Runs {@code work} once the session's transaction has committed (never after a rollback). */
    public static void afterCommit(KeycloakSession session, Runnable work) {
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                work.run();
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    public static <T> T retrying(KeycloakSession session, Function<KeycloakSession, T> work) {
        String realmId = session.getContext().getRealm().getId();
        for (int attempt = 1; ; attempt++) {
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                    s.getContext().setRealm(s.realms().getRealm(realmId));
                    return work.apply(s);
                });
            } catch (PersistenceException | ModelException e) {
                if (!LostRace.is(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw CommunityError.conflict("concurrent_change",
                            "Concurrent requests changed the same data; send the request again");
                }
            }
        }
    }
}
