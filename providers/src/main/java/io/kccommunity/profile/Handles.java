package io.kccommunity.profile;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The handle registry ({@code COMMUNITY_HANDLE}, unique per realm and handle, and per realm and user):
 * the format, reserved words, and who holds a handle. {@link HandleClaims} writes it.
 */
public final class Handles {

    /** The user attribute members edit; the registry decides who may hold its value. */
    public static final String ATTRIBUTE = "handle";

    /** Handles that would let a member pass for staff or for the system. */
    static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "system", "support", "staff",
            "moderator", "mod", "official", "community", "help", "security", "keycloak", "anonymous", "me",
            "null", "undefined", "everyone", "all");

    /** 3-30 of a-z 0-9 . _ - (the user profile's pattern validator says the same to the member). */
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9_.-]{3,30}");

    private Handles() {
    }

    public static boolean isWellFormed(String handle) {
        return handle != null && FORMAT.matcher(handle).matches();
    }

    /** Handles are lower case: {@code Ana.Bakes} and {@code ana.bakes} are one handle. */
    public static String normalize(String handle) {
        return handle.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean isReserved(String handle) {
        return RESERVED.contains(normalize(handle));
    }

    /** The id of the user holding {@code handle} (normalised); a reservation in flight holds it for nobody yet. */
    static String holderId(EntityManager em, String realmId, String handle) {
        HandleEntity row = row(em, realmId, handle);
        return row == null || row.getReservedAt() != null ? null : row.getUserId();
    }

    /** The row of {@code handle}, a user's or a reservation, or null. */
    static HandleEntity row(EntityManager em, String realmId, String handle) {
        List<HandleEntity> found = em.createQuery(
                        "select h from HandleEntity h where h.realmId = :realm and h.handle = :handle", HandleEntity.class)
                .setParameter("realm", realmId).setParameter("handle", handle).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The handle the registry gives this user, or null. */
    static String heldBy(EntityManager em, String realmId, String userId) {
        List<String> found = em.createQuery("select h.handle from HandleEntity h where h.realmId = :realm"
                        + " and h.userId = :user and h.reservedAt is null", String.class)
                .setParameter("realm", realmId).setParameter("user", userId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Writes a row for {@code userId}, or a reservation when it is null (with a placeholder user);
     * replaces {@code stale}, a reservation its request left behind. Returns the row's id.
     */
    static String insert(EntityManager em, String realmId, String userId, String handle, HandleEntity stale) {
        if (stale != null) {
            em.createQuery("delete from HandleEntity h where h.id = :id").setParameter("id", stale.getId()).executeUpdate();
        }
        HandleEntity row = new HandleEntity();
        row.setId(KeycloakModelUtils.generateId());
        row.setRealmId(realmId);
        row.setUserId(userId != null ? userId : KeycloakModelUtils.generateId());
        row.setHandle(handle);
        row.setReservedAt(userId != null ? null : System.currentTimeMillis());
        em.persist(row);
        em.flush();
        return row.getId();
    }

    /**
     * Drops rows whose user no longer has that handle and reservations left behind, then lists the
     * users of the realm whose {@code handle} attribute the registry does not give them, oldest first.
     */
    static List<String> unsettled(EntityManager em, String realmId) {
        em.createQuery("delete from HandleEntity h where h.realmId = :realm and ((h.reservedAt is null and not exists"
                        + " (select a.id from UserAttributeEntity a where a.user.id = h.userId and a.name = :name"
                        + " and lower(a.value) = h.handle)) or h.reservedAt < :stale)")
                .setParameter("realm", realmId).setParameter("name", ATTRIBUTE)
                .setParameter("stale", System.currentTimeMillis() - HandleClaims.STALE_MILLIS).executeUpdate();
        return em.createQuery("select a.user.id from UserAttributeEntity a where a.user.realmId = :realm and a.name = :name"
                        + " and not exists (select h.id from HandleEntity h where h.realmId = :realm and h.userId = a.user.id"
                        + " and h.handle = a.value and h.reservedAt is null)"
                        + " order by a.user.createdTimestamp, a.user.id", String.class)
                .setParameter("realm", realmId).setParameter("name", ATTRIBUTE).getResultList();
    }

    public static void deleteByUser(KeycloakSession session, String realmId, String userId) {
        em(session).createQuery("delete from HandleEntity h where h.realmId = :realm and h.userId = :user")
                .setParameter("realm", realmId).setParameter("user", userId).executeUpdate();
    }

    public static void deleteByRealm(KeycloakSession session, String realmId) {
        em(session).createQuery("delete from HandleEntity h where h.realmId = :realm")
                .setParameter("realm", realmId).executeUpdate();
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
