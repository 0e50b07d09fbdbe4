package io.kccommunity.reputation;

import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MembershipStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import io.kccommunity.support.Writes;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;

/** JPA access to the ledger, badge awards and the reputation columns of the member table. */
public final class ReputationStore {

    private final KeycloakSession session;
    private final EntityManager em;

    public ReputationStore(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The membership row, locked until the transaction ends: one writer per member at a time. */
    public MemberEntity lockMember(String realmId, String userId) {
        List<MemberEntity> found = em.createQuery(
                        "select m from MemberEntity m where m.realmId = :realm and m.userId = :user", MemberEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    ReputationEventEntity byKey(String realmId, String source, String key) {
        return first(em.createQuery("select e from ReputationEventEntity e where e.realmId = :realm"
                        + " and e.source = :source and e.key = :key", ReputationEventEntity.class)
                .setParameter("realm", realmId).setParameter("source", source).setParameter("key", key)
                .getResultList());
    }

    /** Whether a key is recorded, without locking: a hint, for skipping work that is most likely done. */
    boolean recorded(String realmId, String source, String key) {
        return !em.createQuery("select e.id from ReputationEventEntity e where e.realmId = :realm and e.source = :source"
                        + " and e.key = :key", String.class)
                .setParameter("realm", realmId).setParameter("source", source).setParameter("key", key)
                .getResultList().isEmpty();
    }

    ReputationEventEntity byId(String realmId, String id) {
        ReputationEventEntity event = em.find(ReputationEventEntity.class, id);
        return event != null && event.getRealmId().equals(realmId) ? event : null;
    }

    ReputationEventEntity reversalOf(String id) {
        return first(em.createQuery("select e from ReputationEventEntity e where e.reverses = :id", ReputationEventEntity.class)
                .setParameter("id", id).getResultList());
    }

    /**
     * Writes the member's total into the user attribute the claim reads, under the member's row lock.
     * A statement, not the user entity: a request that loaded the user before waiting for the lock holds
     * the attribute as it was then, and Hibernate, seeing its new value equal to that old one, would
     * write nothing while a concurrent request had changed it. The user is then evicted from Keycloak's
     * cache on every node.
     */
    void mirrorTotal(RealmModel realm, UserModel user, String attribute, int total) {
        int updated = em.createQuery("update UserAttributeEntity a set a.value = :value"
                        + " where a.user.id = :user and a.name = :name")
                .setParameter("value", Integer.toString(total)).setParameter("user", user.getId())
                .setParameter("name", attribute).executeUpdate();
        if (updated == 0) {
            user.setSingleAttribute(attribute, Integer.toString(total));
            return;
        }
        UserCache cache = session.getProvider(UserCache.class);
        if (cache != null) {
            cache.evict(realm, user);
        }
    }

    void insert(ReputationEventEntity event) {
        em.persist(event);
    }

    void flush() {
        Writes.flush(em, "The member's reputation");
    }

    /** A member's events, newest first. */
    List<ReputationEventEntity> history(String realmId, String userId, int first, int max) {
        return em.createQuery("select e from ReputationEventEntity e where e.realmId = :realm and e.userId = :user"
                        + " order by e.createdAt desc, e.id desc", ReputationEventEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** How many events of a type a member has, reversed ones not counted. */
    long countOfType(String realmId, String userId, String type) {
        Long net = em.createQuery("select sum(case when e.reverses is null then 1 else -1 end) from ReputationEventEntity e"
                        + " where e.realmId = :realm and e.userId = :user and e.type = :type", Long.class)
                .setParameter("realm", realmId).setParameter("user", userId).setParameter("type", type)
                .getSingleResult();
        return net == null ? 0 : net;
    }

    /** Active members by total: highest first, then who joined first, then by id. Rows of user id, points. */
    List<Object[]> leaders(String realmId, int first, int max) {
        return em.createQuery("select m.userId, m.reputation from MemberEntity m where m.realmId = :realm"
                        + " and m.status = :active order by m.reputation desc, m.joinedAt, m.userId", Object[].class)
                .setParameter("realm", realmId).setParameter("active", MembershipStatus.ACTIVE)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Active members by points earned since a time, with the same tie-breaks. */
    List<Object[]> leadersSince(String realmId, long since, int first, int max) {
        return em.createQuery("select e.userId, sum(e.points) from ReputationEventEntity e, MemberEntity m"
                        + " where e.realmId = :realm and e.createdAt >= :since and m.realmId = e.realmId"
                        + " and m.userId = e.userId and m.status = :active"
                        + " group by e.userId, m.joinedAt having sum(e.points) > 0"
                        + " order by sum(e.points) desc, m.joinedAt, e.userId", Object[].class)
                .setParameter("realm", realmId).setParameter("since", since)
                .setParameter("active", MembershipStatus.ACTIVE)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * A circle's active members by points earned in it since a time (null: ever), with the same
     * tie-breaks; those who earned none there are left out.
     */
    List<Object[]> circleLeaders(String realmId, String circleId, Long since, int first, int max) {
        var query = em.createQuery("select e.userId, sum(e.points) from ReputationEventEntity e, MemberEntity m,"
                        + " CircleMemberEntity c where e.realmId = :realm and e.circleId = :circle"
                        + (since == null ? "" : " and e.createdAt >= :since")
                        + " and m.realmId = e.realmId and m.userId = e.userId and m.status = :active"
                        + " and c.circleId = e.circleId and c.userId = e.userId and c.status = 'active'"
                        + " group by e.userId, m.joinedAt having sum(e.points) > 0"
                        + " order by sum(e.points) desc, m.joinedAt, e.userId", Object[].class)
                .setParameter("realm", realmId).setParameter("circle", circleId).setParameter("active", MembershipStatus.ACTIVE);
        if (since != null) {
            query.setParameter("since", since);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * The id of circle {@code slug} when the user is an active member of it and it is not pending; null
     * otherwise. Circles' tables are read by entity name, so reputation needs nothing of their package.
     */
    String activeCircleId(String realmId, String slug, String userId) {
        List<String> found = em.createQuery("select k.id from CircleEntity k, CircleMemberEntity c where k.realmId = :realm"
                        + " and k.slug = :slug and k.status <> 'pending' and c.circleId = k.id and c.userId = :user"
                        + " and c.status = 'active'", String.class)
                .setParameter("realm", realmId).setParameter("slug", slug).setParameter("user", userId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** The member's points per circle, for the circles they are an active member of: [slug, points]. */
    List<Object[]> pointsByCircle(String realmId, String userId) {
        return em.createQuery("select k.slug, sum(e.points) from ReputationEventEntity e, CircleEntity k, CircleMemberEntity c"
                        + " where e.realmId = :realm and e.userId = :user and k.id = e.circleId and c.circleId = k.id"
                        + " and c.userId = e.userId and c.status = 'active' group by k.slug order by k.slug", Object[].class)
                .setParameter("realm", realmId).setParameter("user", userId).getResultList();
    }

    List<BadgeAwardEntity> awards(String realmId, String userId) {
        return em.createQuery("select a from BadgeAwardEntity a where a.realmId = :realm and a.userId = :user"
                        + " order by a.awardedAt, a.badge", BadgeAwardEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).getResultList();
    }

    void insert(BadgeAwardEntity award) {
        em.persist(award);
    }

    void remove(BadgeAwardEntity award) {
        em.remove(award);
    }

    public void deleteByUser(String realmId, String userId) {
        for (String entity : List.of("ReputationEventEntity", "BadgeAwardEntity")) {
            em.createQuery("delete from " + entity + " x where x.realmId = :realm and x.userId = :user")
                    .setParameter("realm", realmId).setParameter("user", userId).executeUpdate();
        }
    }

    public void deleteByRealm(String realmId) {
        for (String entity : List.of("ReputationEventEntity", "BadgeAwardEntity")) {
            em.createQuery("delete from " + entity + " x where x.realmId = :realm")
                    .setParameter("realm", realmId).executeUpdate();
        }
    }

    private static <T> T first(List<T> found) {
        return found.isEmpty() ? null : found.get(0);
    }
}
