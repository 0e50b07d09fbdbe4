package io.kccommunity.circles;

import io.kccommunity.support.Text;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The circle tables' queries. */
final class CircleStore {

    private final EntityManager em;

    CircleStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    CircleEntity bySlug(String realmId, String slug) {
        List<CircleEntity> found = em.createQuery("select c from CircleEntity c where c.realmId = :realm and c.slug = :slug",
                CircleEntity.class).setParameter("realm", realmId).setParameter("slug", slug).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    CircleEntity circle(String id) {
        return em.find(CircleEntity.class, id);
    }

    /** The circle's row locked: one change of its members at a time, on every node. */
    CircleEntity lock(CircleEntity circle) {
        em.flush();
        em.lock(circle, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(circle);
        return circle;
    }

    CircleMemberEntity member(String circleId, String userId) {
        List<CircleMemberEntity> found = em.createQuery("select m from CircleMemberEntity m where m.circleId = :circle"
                        + " and m.userId = :user", CircleMemberEntity.class)
                .setParameter("circle", circleId).setParameter("user", userId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** A circle's rows of one status, in the order they began; {@code status} null: active members. */
    List<CircleMemberEntity> members(String circleId, String status, int first, int max) {
        return em.createQuery("select m from CircleMemberEntity m where m.circleId = :circle and m.status = :status"
                        + " order by m.since, m.userId", CircleMemberEntity.class)
                .setParameter("circle", circleId).setParameter("status", status == null ? CircleRoles.ACTIVE : status)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Elected roles whose term has ended, in the realm. */
    List<CircleMemberEntity> termsEnded(String realmId, long now) {
        return em.createQuery("select m from CircleMemberEntity m where m.realmId = :realm and m.roleUntil <= :now",
                CircleMemberEntity.class).setParameter("realm", realmId).setParameter("now", now).getResultList();
    }

    long owners(String circleId) {
        return em.createQuery("select count(m) from CircleMemberEntity m where m.circleId = :circle and m.status = :active"
                        + " and m.role = :owner", Long.class)
                .setParameter("circle", circleId).setParameter("active", CircleRoles.ACTIVE)
                .setParameter("owner", CircleRoles.OWNER).getSingleResult();
    }

    /** The user's active memberships with their circles, oldest first (for the token's list). */
    List<Object[]> activeOf(String realmId, String userId) {
        return em.createQuery("select c.slug, m.role from CircleMemberEntity m, CircleEntity c where c.id = m.circleId"
                        + " and m.realmId = :realm and m.userId = :user and m.status = :active and c.status <> :pending"
                        + " order by m.since, c.slug", Object[].class)
                .setParameter("realm", realmId).setParameter("user", userId).setParameter("active", CircleRoles.ACTIVE)
                .setParameter("pending", CircleRoles.PENDING).getResultList();
    }

    /** Every circle row of the user (any status), for leaving the community. */
    List<CircleMemberEntity> rowsOf(String realmId, String userId) {
        return em.createQuery("select m from CircleMemberEntity m where m.realmId = :realm and m.userId = :user",
                CircleMemberEntity.class).setParameter("realm", realmId).setParameter("user", userId).getResultList();
    }

    long foundedBy(String realmId, String userId) {
        return em.createQuery("select count(c) from CircleEntity c where c.realmId = :realm and c.createdBy = :user"
                        + " and c.kind = :organic and c.status <> :archived", Long.class)
                .setParameter("realm", realmId).setParameter("user", userId).setParameter("organic", CircleRoles.ORGANIC)
                .setParameter("archived", CircleRoles.ARCHIVED).getSingleResult();
    }

    /**
     * Circles of the realm in slug order: with {@code everyone} every circle, else those not pending whose
     * visibility is in {@code visibilities}, and any that {@code memberId} has a row in (but a ban);
     * {@code status} narrows to one status, {@code search} to slugs or names containing it.
     */
    List<CircleEntity> list(String realmId, boolean everyone, List<String> visibilities, String memberId, String status,
                            String search, int first, int max) {
        StringBuilder jpql = new StringBuilder("select c from CircleEntity c where c.realmId = :realm");
        if (!everyone) {
            jpql.append(" and ((c.status <> :pending and c.visibility in :visibilities) or exists (select m.id from"
                    + " CircleMemberEntity m where m.circleId = c.id and m.userId = :member and m.status <> :banned))");
        }
        if (status != null) {
            jpql.append(" and c.status = :status");
        }
        if (search != null) {
            jpql.append(" and (lower(c.slug) like :like escape '!' or lower(c.name) like :like escape '!')");
        }
        var query = em.createQuery(jpql.append(" order by c.slug").toString(), CircleEntity.class).setParameter("realm", realmId);
        if (!everyone) {
            query.setParameter("pending", CircleRoles.PENDING).setParameter("banned", CircleRoles.BANNED)
                    .setParameter("visibilities", visibilities.isEmpty() ? List.of("") : visibilities)
                    .setParameter("member", memberId == null ? "" : memberId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (search != null) {
            query.setParameter("like", Text.containing(search));
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    void persist(Object entity) {
        em.persist(entity);
    }

    void remove(Object entity) {
        em.remove(entity);
    }

    void flush() {
        em.flush();
    }

    void delete(CircleEntity circle) {
        em.createQuery("delete from CircleMemberEntity m where m.circleId = :circle").setParameter("circle", circle.getId())
                .executeUpdate();
        em.remove(circle);
    }

    void deleteByUser(String realmId, String userId) {
        em.createQuery("delete from CircleMemberEntity m where m.realmId = :realm and m.userId = :user")
                .setParameter("realm", realmId).setParameter("user", userId).executeUpdate();
    }

    void deleteByRealm(String realmId) {
        em.createQuery("delete from CircleMemberEntity m where m.realmId = :realm").setParameter("realm", realmId).executeUpdate();
        em.createQuery("delete from CircleEntity c where c.realmId = :realm").setParameter("realm", realmId).executeUpdate();
    }
}
