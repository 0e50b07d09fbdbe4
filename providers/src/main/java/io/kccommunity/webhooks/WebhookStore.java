package io.kccommunity.webhooks;

import io.kccommunity.support.DatabaseClock;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The webhook tables' queries. */
final class WebhookStore {

    private final EntityManager em;

    WebhookStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    long now() {
        return DatabaseClock.now(em);
    }

    List<WebhookEntity> list(String realmId) {
        return em.createQuery("select w from WebhookEntity w where w.realmId = :realm order by w.createdAt, w.id", WebhookEntity.class)
                .setParameter("realm", realmId).getResultList();
    }

    List<WebhookEntity> enabled(String realmId) {
        return em.createQuery("select w from WebhookEntity w where w.realmId = :realm and w.enabled = true", WebhookEntity.class)
                .setParameter("realm", realmId).getResultList();
    }

    WebhookEntity find(String realmId, String id) {
        WebhookEntity webhook = em.find(WebhookEntity.class, id);
        return webhook == null || !webhook.getRealmId().equals(realmId) ? null : webhook;
    }

    long count(String realmId) {
        return em.createQuery("select count(w) from WebhookEntity w where w.realmId = :realm", Long.class)
                .setParameter("realm", realmId).getSingleResult();
    }

    long pending(String webhookId) {
        return em.createQuery("select count(m) from MessageEntity m where m.webhookId = :hook and m.state = :pending", Long.class)
                .setParameter("hook", webhookId).setParameter("pending", MessageEntity.PENDING).getSingleResult();
    }

    void persist(Object entity) {
        em.persist(entity);
    }

    void flush() {
        em.flush();
    }

    void delete(WebhookEntity webhook) {
        em.createQuery("delete from MessageEntity m where m.webhookId = :hook").setParameter("hook", webhook.getId()).executeUpdate();
        em.createQuery("delete from AttemptEntity a where a.webhookId = :hook").setParameter("hook", webhook.getId()).executeUpdate();
        em.remove(webhook);
    }

    void deleteByRealm(String realmId) {
        for (WebhookEntity webhook : list(realmId)) {
            delete(webhook);
        }
    }

    List<AttemptEntity> attempts(String webhookId, int first, int max) {
        return em.createQuery("select a from AttemptEntity a where a.webhookId = :hook"
                                + " order by a.attemptedAt desc, a.attempt desc, case when a.outcome = 'disabled' then 0 else 1 end, a.id",
                        AttemptEntity.class)
                .setParameter("hook", webhookId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    // --- the dispatcher's

    /** Ids of messages due now whose lease is free, oldest due first, of enabled webhooks. */
    List<String> due(long now, int max) {
        return em.createQuery("select m.id from MessageEntity m, WebhookEntity w where w.id = m.webhookId and w.enabled = true"
                        + " and m.state = :pending and m.nextAttemptAt <= :now and (m.leaseUntil is null or m.leaseUntil <= :now)"
                        + " order by m.nextAttemptAt, m.id", String.class)
                .setParameter("pending", MessageEntity.PENDING).setParameter("now", now).setMaxResults(max).getResultList();
    }

    /** Takes a message's lease if it is still free; true for one node only (one conditional update of the row). */
    boolean lease(String messageId, String leaseId, long now, long until, String node) {
        return em.createQuery("update MessageEntity m set m.leaseId = :lease, m.leaseUntil = :until, m.leaseNode = :node"
                        + " where m.id = :id and m.state = :pending and (m.leaseUntil is null or m.leaseUntil <= :now)")
                .setParameter("lease", leaseId).setParameter("until", until).setParameter("node", node)
                .setParameter("id", messageId).setParameter("pending", MessageEntity.PENDING).setParameter("now", now)
                .executeUpdate() == 1;
    }

    MessageEntity message(String id) {
        return em.find(MessageEntity.class, id);
    }

    /** Forgets messages and log lines older than {@code before}, except messages still to be sent. */
    void prune(long before) {
        em.createQuery("delete from MessageEntity m where m.state <> :pending and m.createdAt < :before")
                .setParameter("pending", MessageEntity.PENDING).setParameter("before", before).executeUpdate();
        em.createQuery("delete from AttemptEntity a where a.attemptedAt < :before").setParameter("before", before).executeUpdate();
    }
}
