package io.kccommunity.support;

import io.kccommunity.web.CommunityError;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;
import org.keycloak.models.ModelException;

/**
 * Writing pending changes now, inside the request's transaction, so that a concurrent request that
 * won a unique key or a lock (on this node or another) makes this one answer 409, which the caller
 * may simply send again, instead of a 500 at commit. Any other database failure would fail again
 * when sent again: it stays an error of the server (logged, 500), never a 409.
 */
public final class Writes {

    private Writes() {
    }

    public static void flush(EntityManager em, String whatChanged) {
        guarded(whatChanged, em::flush);
    }

    /**
     * Runs a change that writes through Keycloak's own models (a user attribute, a role mapping),
     * which flush on their own: a row a concurrent transaction changed becomes the same 409.
     */
    public static void guarded(String whatChanged, Runnable change) {
        guarded(whatChanged, () -> {
            change.run();
            return null;
        });
    }

    /** As {@link #guarded(String, Runnable)}, with a result. */
    public static <T> T guarded(String whatChanged, Supplier<T> change) {
        try {
            return change.get();
        } catch (PersistenceException | ModelException e) {
            if (!LostRace.is(e)) {
                throw e;
            }
            throw CommunityError.conflict("concurrent_change", whatChanged + " was changed by a concurrent request; send it again");
        }
    }
}
