package io.kccommunity.profile;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.utils.KeycloakModelUtils;

/** The handle registry: reserved words, and claiming a handle for a user under a unique key. */
public final class Handles {

    /** Handles that would let a member pass for staff or for the system. */
    static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "system", "support", "staff",
            "moderator", "mod", "official", "community", "help", "security", "keycloak", "anonymous", "me",
            "null", "undefined", "everyone", "all");

    private Handles() {
    }

    /** 3-30 of a-z 0-9 . _ - (the user profile's pattern validator says the same to the member). */
    private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("[a-z0-9_.-]{3,30}");

    public static boolean isWellFormed(String handle) {
        return handle != null && FORMAT.matcher(handle).matches();
    }

    public static String normalize(String handle) {
        return handle.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isReserved(String handle) {
        return RESERVED.contains(normalize(handle));
    }

    /**
     * Claims {@code handle} for the user, in a transaction of its own so that the unique key decides
     * between concurrent claims before the profile is saved. Returns false when another user holds
     * it. A user holds one handle: claiming another releases the previous one.
     */
    public static boolean claim(KeycloakSession session, String realmId, String userId, String handle) {
        String wanted = normalize(handle);
        if (userId == null) {
            return holder(em(session), realmId, wanted) == null;
        }
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                EntityManager em = em(s);
                HandleEntity held = holder(em, realmId, wanted);
                if (held != null) {
                    return held.getUserId().equals(userId);
                }
                List<HandleEntity> own = em.createQuery(
                                "select h from HandleEntity h where h.realmId = :realm and h.userId = :user", HandleEntity.class)
                        .setParameter("realm", realmId).setParameter("user", userId).getResultList();
                HandleEntity entity = own.isEmpty() ? new HandleEntity() : own.get(0);
                if (own.isEmpty()) {
                    entity.setId(KeycloakModelUtils.generateId());
                    entity.setRealmId(realmId);
                    entity.setUserId(userId);
                    entity.setHandle(wanted);
                    em.persist(entity);
                } else {
                    entity.setHandle(wanted);
                }
                em.flush();
                return true;
            });
        } catch (PersistenceException | ModelException lostRace) {
            return false;
        }
    }

    public static void deleteByUser(KeycloakSession session, String realmId, String userId) {
        em(session).createQuery("delete from HandleEntity h where h.realmId = :realm and h.userId = :user")
                .setParameter("realm", realmId).setParameter("user", userId).executeUpdate();
    }

    public static void deleteByRealm(KeycloakSession session, String realmId) {
        em(session).createQuery("delete from HandleEntity h where h.realmId = :realm")
                .setParameter("realm", realmId).executeUpdate();
    }

    private static HandleEntity holder(EntityManager em, String realmId, String handle) {
        List<HandleEntity> found = em.createQuery(
                        "select h from HandleEntity h where h.realmId = :realm and h.handle = :handle", HandleEntity.class)
                .setParameter("realm", realmId).setParameter("handle", handle).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
