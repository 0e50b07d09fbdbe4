package io.kccommunity.support;

import io.kccommunity.web.CommunityError;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.keycloak.models.ModelException;

/**
 * Writing pending changes now, inside the request's transaction, so that a concurrent request that
 * won a unique key or a lock (on this node or another) makes this one answer 409, which the caller
 * may simply send again, instead of a 500 at commit.
 */
public final class Writes {

    private Writes() {
    }

    public static void flush(EntityManager em, String whatChanged) {
        try {
            em.flush();
        } catch (PersistenceException | ModelException e) {
            // Keycloak's entity manager proxy turns unique-key and lock failures into ModelExceptions
            throw CommunityError.conflict("concurrent_change", whatChanged + " was changed by a concurrent request; send it again");
        }
    }
}
