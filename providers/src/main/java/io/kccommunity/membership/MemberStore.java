package io.kccommunity.membership;

import io.kccommunity.support.Writes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** JPA access to {@link MemberEntity}; every query is by the indexed realm + user key or by realm. */
public final class MemberStore {

    private final EntityManager em;

    public MemberStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public MemberEntity find(String realmId, String userId) {
        List<MemberEntity> found = em.createQuery(
                        "select m from MemberEntity m where m.realmId = :realm and m.userId = :user", MemberEntity.class)
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    public Stream<MemberEntity> list(String realmId, MembershipStatus status, int first, int max) {
        TypedQuery<MemberEntity> query = em.createQuery("select m from MemberEntity m where m.realmId = :realm"
                + (status == null ? "" : " and m.status = :status")
                + " order by m.requestedAt, m.id", MemberEntity.class);
        query.setParameter("realm", realmId);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultStream();
    }

    public long count(String realmId, MembershipStatus status) {
        return em.createQuery("select count(m) from MemberEntity m where m.realmId = :realm and m.status = :status", Long.class)
                .setParameter("realm", realmId)
                .setParameter("status", status)
                .getSingleResult();
    }

    public void insert(MemberEntity member) {
        em.persist(member);
        flush();
    }

    /**
     * Writes pending changes now, so that a concurrent request that won the race (unique key or
     * optimistic lock) makes this one fail with a 409 instead of a 500 at commit.
     */
    public void flush() {
        Writes.flush(em, "The membership");
    }

    public void deleteByUser(String realmId, String userId) {
        em.createQuery("delete from MemberEntity m where m.realmId = :realm and m.userId = :user")
                .setParameter("realm", realmId).setParameter("user", userId).executeUpdate();
    }

    public void deleteByRealm(String realmId) {
        em.createQuery("delete from MemberEntity m where m.realmId = :realm")
                .setParameter("realm", realmId).executeUpdate();
    }
}
