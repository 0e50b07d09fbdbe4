package io.kccommunity.profile;

import io.kccommunity.webhooks.WebhookEvents;
import io.kccommunity.webhooks.Webhooks;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * One session's claims on handles. A handle a request asks for is reserved at once in a transaction
 * of its own, so the unique key of {@code COMMUNITY_HANDLE} decides between concurrent requests on
 * any node before anything is saved, also when the user does not exist yet (registration, admin
 * create). Just before the request's transaction commits, and inside it, every user the request
 * touched is brought in line with the registry: the reservation becomes the user's row (their
 * previous handle is released in the same transaction), or is dropped when the user did not get that
 * handle after all. A rolled-back request gives its reservations up; one left by a node that died is
 * free again after {@link #STALE_MILLIS}.
 *
 * <p>Writes that skip the user profile (realm import, partial import, attributes the profile does not
 * manage) are settled the same way when they commit, and at every start: the registry's holder keeps a
 * handle, users without a row are served in the order they were created, and a later user holding a
 * taken handle loses the attribute, with a warning.
 */
public final class HandleClaims {

    static final long STALE_MILLIS = 10 * 60 * 1000L;
    private static final Logger LOG = Logger.getLogger(HandleClaims.class);
    private static final String KEY = HandleClaims.class.getName();

    private final KeycloakSession session;
    /** Reservation row ids by realm id and handle; removed once a user takes one. */
    private final Map<String, String> reservations = new HashMap<>();
    /** Every reservation made, given up again if the request rolls back. */
    private final List<String> reserved = new ArrayList<>();
    private final Set<Subject> subjects = new LinkedHashSet<>();
    private final List<Supplier<RealmModel>> repairs = new ArrayList<>();

    /** A user to settle: by id, or by username when the request creates them. */
    private record Subject(String realmId, String userId, String username) {
    }

    private HandleClaims(KeycloakSession session) {
        this.session = session;
    }

    static HandleClaims of(KeycloakSession session) {
        HandleClaims claims = session.getAttribute(KEY, HandleClaims.class);
        if (claims == null) {
            claims = new HandleClaims(session);
            session.setAttribute(KEY, claims);
            HandleClaims self = claims;
            session.getTransactionManager().enlistPrepare(transaction(self::settle, () -> { }));
            session.getTransactionManager().enlistAfterCompletion(transaction(() -> { }, self::giveUp));
        }
        return claims;
    }

    /**
     * Reserves {@code handle} for {@code user} (null while the request creates the user named
     * {@code username}). False when another user or another request in flight holds it.
     */
    boolean reserve(RealmModel realm, UserModel user, String username, String handle) {
        String wanted = Handles.normalize(handle);
        if (user != null && wanted.equals(Handles.heldBy(Handles.em(session), realm.getId(), user.getId()))) {
            return true;
        }
        String key = realm.getId() + "/" + wanted;
        if (!reservations.containsKey(key)) {
            String id = reserveApart(realm.getId(), wanted);
            if (id == null) {
                return false;
            }
            reservations.put(key, id);
            reserved.add(id);
        }
        subjects.add(new Subject(realm.getId(), user == null ? null : user.getId(), user == null ? username : null));
        return true;
    }

    /** Settles {@code userId} when this session commits (a handle cleared or set outside the user profile). */
    public static void settleOnCommit(KeycloakSession session, RealmModel realm, String userId) {
        of(session).subjects.add(new Subject(realm.getId(), userId, null));
    }

    /** Settles every user of the realm whose handle the registry does not give them, when this session commits. */
    public static void repairOnCommit(KeycloakSession session, Supplier<RealmModel> realm) {
        of(session).repairs.add(realm);
    }

    /**
     * At start: settles the handles of every realm with community profiles, one transaction per realm
     * (users imported by {@code kc.sh import}, or saved by a release that did not claim at creation).
     * A failure is logged and never stops the server.
     */
    public static void repairAll(KeycloakSessionFactory factory) {
        try {
            List<String> realmIds = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> s.realms().getRealmsStream()
                    .filter(r -> r.getAttribute(ProfileSchema.VERSION_ATTRIBUTE) != null).map(RealmModel::getId).toList());
            for (String realmId : realmIds) {
                KeycloakModelUtils.runJobInTransaction(factory, s -> {
                    RealmModel realm = s.realms().getRealm(realmId);
                    s.getContext().setRealm(realm);
                    repairOnCommit(s, () -> realm);
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not check the community handles; they are checked again at the next start", e);
        }
    }

    /** In the request's transaction, before it commits. */
    private void settle() {
        EntityManager em = Handles.em(session);
        em.flush();
        for (Supplier<RealmModel> repair : repairs) {
            RealmModel realm = repair.get();
            if (realm != null) {
                Handles.unsettled(em, realm.getId()).forEach(id -> subjects.add(new Subject(realm.getId(), id, null)));
            }
        }
        for (Subject subject : subjects) {
            RealmModel realm = session.realms().getRealm(subject.realmId());
            UserModel user = realm == null ? null : subject.userId() != null ? session.users().getUserById(realm, subject.userId())
                    : subject.username() == null ? null : session.users().getUserByUsername(realm, subject.username());
            if (user != null) {
                settle(em, realm, user);
            }
        }
        if (!reservations.isEmpty()) {
            em.createQuery("delete from HandleEntity h where h.id in :ids and h.reservedAt is not null")
                    .setParameter("ids", reservations.values()).executeUpdate();
        }
    }

    private void settle(EntityManager em, RealmModel realm, UserModel user) {
        String raw = user.getFirstAttribute(Handles.ATTRIBUTE);
        String own = Handles.heldBy(em, realm.getId(), user.getId());
        if (raw == null || raw.isBlank()) {
            release(em, realm, user, own);
            changed(realm, user, null, own);
            return;
        }
        String wanted = Handles.normalize(raw);
        if (!Handles.isWellFormed(wanted)) {
            LOG.warnf("User %s of realm %s: '%s' is not a handle (3-30 of a-z 0-9 . _ -); removed", user.getId(),
                    realm.getName(), raw);
            user.removeAttribute(Handles.ATTRIBUTE);
            release(em, realm, user, own);
            changed(realm, user, null, own);
            return;
        }
        if (!wanted.equals(raw)) {
            user.setSingleAttribute(Handles.ATTRIBUTE, wanted);
        }
        if (wanted.equals(own)) {
            return;
        }
        String reservation = reservations.remove(realm.getId() + "/" + wanted);
        release(em, realm, user, own);
        if (reservation != null && em.createQuery("update HandleEntity h set h.userId = :user, h.reservedAt = null"
                        + " where h.id = :id and h.reservedAt is not null")
                .setParameter("user", user.getId()).setParameter("id", reservation).executeUpdate() == 1) {
            changed(realm, user, wanted, own);
            return;
        }
        HandleEntity row = Handles.row(em, realm.getId(), wanted);
        if (row == null || isStale(row)) {
            Handles.insert(em, realm.getId(), user.getId(), wanted, row);
            changed(realm, user, wanted, own);
        } else if (row.getReservedAt() == null) {
            LOG.warnf("User %s of realm %s: handle '%s' is held by user %s; removed from the later claimant",
                    user.getId(), realm.getName(), wanted, row.getUserId());
            user.removeAttribute(Handles.ATTRIBUTE);
            changed(realm, user, null, own);
        }
        // else a request elsewhere is saving this handle right now: it does not resolve to this user, and the next repair decides
    }

    /** Tells the apps subscribed to handle changes; nothing when the user had no handle and has none. */
    private void changed(RealmModel realm, UserModel user, String handle, String previous) {
        if (handle != null || previous != null) {
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("userId", user.getId());
            data.put("handle", handle);
            data.put("previousHandle", previous);
            Webhooks.publish(session, realm, WebhookEvents.HANDLE_CHANGED, data);
        }
    }

    private static void release(EntityManager em, RealmModel realm, UserModel user, String own) {
        if (own != null) {
            em.createQuery("delete from HandleEntity h where h.realmId = :realm and h.userId = :user and h.reservedAt is null")
                    .setParameter("realm", realm.getId()).setParameter("user", user.getId()).executeUpdate();
        }
    }

    static boolean isStale(HandleEntity row) {
        return row.getReservedAt() != null && row.getReservedAt() < System.currentTimeMillis() - STALE_MILLIS;
    }

    /** A reservation row with a placeholder user, committed at once; null when the handle is taken. */
    private String reserveApart(String realmId, String handle) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                EntityManager em = Handles.em(s);
                HandleEntity row = Handles.row(em, realmId, handle);
                if (row != null && !isStale(row)) {
                    return null;
                }
                return Handles.insert(em, realmId, null, handle, row);
            });
        } catch (PersistenceException | ModelException lostRace) {
            return null;
        }
    }

    /** After a rollback: the reservations this session made are free again. */
    private void giveUp() {
        if (reserved.isEmpty()) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> Handles.em(s)
                    .createQuery("delete from HandleEntity h where h.id in :ids and h.reservedAt is not null")
                    .setParameter("ids", reserved).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not give up %d handle reservations; they are free again after %d minutes",
                    reserved.size(), STALE_MILLIS / 60_000);
        }
    }

    private static AbstractKeycloakTransaction transaction(Runnable onCommit, Runnable onRollback) {
        return new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                onCommit.run();
            }

            @Override
            protected void rollbackImpl() {
                onRollback.run();
            }
        };
    }
}
