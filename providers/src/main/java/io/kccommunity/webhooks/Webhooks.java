package io.kccommunity.webhooks;

import io.kccommunity.support.Pairs;
import io.kccommunity.support.StoredJson;
import io.kccommunity.support.Transactions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The outbox: what the capabilities call when something happened that apps may want to hear of. A
 * message per subscribed webhook is written in the caller's transaction, so it exists exactly when the
 * change committed (a rolled-back change sends nothing); once committed, this node's
 * {@link WebhookDispatcher} is nudged to send it, and every node looks into the outbox on its own timer.
 */
public final class Webhooks {

    /** Where the running dispatcher lives: the community event listener's factory. */
    public interface Owner {
        WebhookDispatcher webhooks();
    }

    private static final String CACHE = Webhooks.class.getName() + ".";

    private Webhooks() {
    }

    /** Tells every enabled webhook of the realm subscribed to {@code type}; {@code data} gets the realm's name first. */
    public static void publish(KeycloakSession session, RealmModel realm, String type, Map<String, Object> data) {
        List<WebhookEntity> subscribed = enabled(session, realm).stream().filter(w -> WebhookEvents.wants(w.getEvents(), type)).toList();
        if (!subscribed.isEmpty()) {
            enqueue(session, realm, subscribed, type, data);
        }
    }

    /** {@code userId} and {@code handle} (null when the member has none): how every payload names a member. */
    public static Map<String, Object> member(UserModel user) {
        return Pairs.of("userId", user.getId(), "handle", user.getFirstAttribute("handle"));
    }

    /** {@link #member} and then the given name/value pairs (null values left out, as in every message). */
    public static Map<String, Object> member(UserModel user, Object... pairs) {
        return Pairs.into(member(user), pairs);
    }

    static void enqueue(KeycloakSession session, RealmModel realm, List<WebhookEntity> webhooks, String type,
                        Map<String, Object> data) {
        WebhookStore store = new WebhookStore(session);
        long now = store.now();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("realm", realm.getName());
        payload.putAll(data);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("timestamp", Instant.ofEpochMilli(now).toString());
        message.put("data", payload);
        String body = StoredJson.write(message);
        for (WebhookEntity webhook : webhooks) {
            MessageEntity row = new MessageEntity();
            row.setId("msg_" + UUID.randomUUID().toString().replace("-", ""));
            row.setWebhookId(webhook.getId());
            row.setRealmId(realm.getId());
            row.setType(type);
            row.setBody(body);
            row.setCreatedAt(now);
            row.setState(MessageEntity.PENDING);
            row.setNextAttemptAt(now);
            store.persist(row);
        }
        nudgeAfterCommit(session);
    }

    /** This node's dispatcher looks into the outbox as soon as the session's transaction has committed. */
    static void nudgeAfterCommit(KeycloakSession session) {
        WebhookDispatcher dispatcher = dispatcher(session.getKeycloakSessionFactory());
        if (dispatcher == null || session.getAttribute(CACHE + "nudge") != null) {
            return;
        }
        session.setAttribute(CACHE + "nudge", Boolean.TRUE);
        try {
            Transactions.afterCommit(session, dispatcher::nudge);
        } catch (IllegalStateException committing) {
            // written by work that runs while the transaction commits (handle settlement): the next poll sends it
        }
    }

    /** The realm's enabled webhooks, read once per session (a batch or a sweep publishes many events). */
    @SuppressWarnings("unchecked")
    private static List<WebhookEntity> enabled(KeycloakSession session, RealmModel realm) {
        String key = CACHE + realm.getId();
        List<WebhookEntity> cached = session.getAttribute(key, List.class);
        if (cached == null) {
            cached = new WebhookStore(session).enabled(realm.getId());
            session.setAttribute(key, cached);
        }
        return cached;
    }

    /** A change of the realm's webhooks: the session's next publish reads them again. */
    static void forget(KeycloakSession session, RealmModel realm) {
        session.removeAttribute(CACHE + realm.getId());
    }

    /** Keycloak removed the realm: its webhooks, messages and log go with it. */
    public static void forgetRealm(KeycloakSession session, String realmId) {
        new WebhookStore(session).deleteByRealm(realmId);
    }

    static WebhookDispatcher dispatcher(KeycloakSessionFactory factory) {
        return factory.getProviderFactoriesStream(EventListenerProvider.class).filter(Owner.class::isInstance)
                .map(f -> ((Owner) f).webhooks()).findFirst().orElse(null);
    }
}
