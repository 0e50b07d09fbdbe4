package io.kccommunity.advocacy;

import io.kccommunity.membership.MembershipStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import io.kccommunity.support.Writes;
import io.kccommunity.web.Paging;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** JPA access to holdings, their history, nominations and the sweep log. */
public final class AdvocacyStore {

    private final EntityManager em;

    public AdvocacyStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    List<RoleHoldingEntity> holdings(String realmId, String userId) {
        return em.createQuery("select h from RoleHoldingEntity h where h.realmId = :realm and h.userId = :user"
                        + " order by h.since, h.role", RoleHoldingEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).getResultList();
    }

    /** Holders of a role, longest-standing first. */
    List<RoleHoldingEntity> holders(String realmId, String role, int first, int max) {
        return em.createQuery("select h from RoleHoldingEntity h where h.realmId = :realm and h.role = :role"
                        + " order by h.since, h.userId", RoleHoldingEntity.class)
                .setParameter("realm", realmId).setParameter("role", role)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** A member's holdings whose expiry has passed. */
    List<RoleHoldingEntity> expired(String realmId, String userId, long now) {
        return em.createQuery("select h from RoleHoldingEntity h where h.realmId = :realm and h.userId = :user"
                        + " and h.expiresAt <= :now", RoleHoldingEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).setParameter("now", now).getResultList();
    }

    /** A member's holdings whose term ends by {@code until} and who has not been told yet. */
    List<RoleHoldingEntity> endingUntold(String realmId, String userId, long now, long until) {
        return em.createQuery("select h from RoleHoldingEntity h where h.realmId = :realm and h.userId = :user"
                        + " and h.expiresAt > :now and h.expiresAt <= :until and h.termNoticeAt is null", RoleHoldingEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).setParameter("now", now)
                .setParameter("until", until).getResultList();
    }

    /** Up to {@code max} members with a holding that has expired, after {@code after} (null: from the first) in user-id order. */
    List<String> membersWithExpired(String realmId, long now, String after, int max) {
        return after(em.createQuery("select distinct h.userId from RoleHoldingEntity h where h.realmId = :realm"
                + " and h.expiresAt <= :now" + afterClause("h", after) + " order by h.userId", String.class)
                .setParameter("realm", realmId).setParameter("now", now), after, max);
    }

    /** As {@link #membersWithExpired}: members with a term ending by {@code until} whom no one has told yet. */
    List<String> membersWithTermEnding(String realmId, long now, long until, String after, int max) {
        return after(em.createQuery("select distinct h.userId from RoleHoldingEntity h where h.realmId = :realm"
                + " and h.expiresAt > :now and h.expiresAt <= :until and h.termNoticeAt is null"
                + afterClause("h", after) + " order by h.userId", String.class)
                .setParameter("realm", realmId).setParameter("now", now).setParameter("until", until), after, max);
    }

    /**
     * As {@link #membersWithExpired}: active members who hold a role by rule or reach a reputation, those a
     * time-based rule may change.
     */
    List<String> sweepCandidates(String realmId, int minReputation, String after, int max) {
        return after(em.createQuery("select m.userId from MemberEntity m where m.realmId = :realm and m.status = :active"
                        + " and (m.reputation >= :min or exists (select h.id from RoleHoldingEntity h"
                        + " where h.realmId = m.realmId and h.userId = m.userId and h.source = 'rule'))"
                        + afterClause("m", after) + " order by m.userId", String.class)
                .setParameter("realm", realmId).setParameter("active", MembershipStatus.ACTIVE)
                .setParameter("min", minReputation), after, max);
    }

    private static String afterClause(String alias, String after) {
        return after == null ? "" : " and " + alias + ".userId > :after";
    }

    private static List<String> after(TypedQuery<String> query, String after, int max) {
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.setMaxResults(max).getResultList();
    }

    List<RoleHistoryEntity> history(String realmId, String userId, int first, int max) {
        return em.createQuery("select h from RoleHistoryEntity h where h.realmId = :realm and h.userId = :user"
                        + " order by h.occurredAt desc, h.id", RoleHistoryEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    NominationEntity nomination(String realmId, String userId, String role) {
        List<NominationEntity> found = em.createQuery("select n from NominationEntity n where n.realmId = :realm"
                        + " and n.userId = :user and n.role = :role", NominationEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).setParameter("role", role).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Net count of events of a type since a time (a reversal takes one back). */
    long eventsSince(String realmId, String userId, String type, long since) {
        Long net = em.createQuery("select sum(case when e.reverses is null then 1 else -1 end) from ReputationEventEntity e"
                        + " where e.realmId = :realm and e.userId = :user and e.type = :type and e.createdAt >= :since", Long.class)
                .setParameter("realm", realmId).setParameter("user", userId).setParameter("type", type)
                .setParameter("since", since).getSingleResult();
        return net == null ? 0 : net;
    }

    List<SweepRunEntity> sweepRuns(String realmId, Paging paging) {
        return em.createQuery("select r from SweepRunEntity r where r.realmId = :realm order by r.startedAt desc",
                        SweepRunEntity.class)
                .setParameter("realm", realmId).setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
    }

    SweepRunEntity sweepRun(String id) {
        return em.find(SweepRunEntity.class, id);
    }

    void persist(Object entity) {
        em.persist(entity);
    }

    void remove(Object entity) {
        em.remove(entity);
    }

    void flush() {
        Writes.flush(em, "The member's roles");
    }

    public void deleteByUser(String realmId, String userId) {
        for (String entity : List.of("RoleHoldingEntity", "RoleHistoryEntity", "NominationEntity")) {
            em.createQuery("delete from " + entity + " x where x.realmId = :realm and x.userId = :user")
                    .setParameter("realm", realmId).setParameter("user", userId).executeUpdate();
        }
    }

    public void deleteByRealm(String realmId) {
        for (String entity : List.of("RoleHoldingEntity", "RoleHistoryEntity", "NominationEntity", "SweepRunEntity")) {
            em.createQuery("delete from " + entity + " x where x.realmId = :realm")
                    .setParameter("realm", realmId).executeUpdate();
        }
    }
}
