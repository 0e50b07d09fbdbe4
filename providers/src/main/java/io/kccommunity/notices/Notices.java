package io.kccommunity.notices;

import io.kccommunity.setup.CommunitySettings;
import io.kccommunity.support.Pairs;
import io.kccommunity.support.Transactions;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Emails a member what the community did for them, in their language, through Keycloak's email sender
 * and the realm's SMTP settings. Sent once the change has committed, on a worker thread of Keycloak's
 * executors, so a slow or failing mail server never slows or fails the change; failures are logged.
 * Realms without SMTP settings and users without an email address get nothing.
 */
public final class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class);
    static final String EXECUTOR = "community-notices";

    private Notices() {
    }

    /**
     * Queues a notice; {@code attributes} go to the template next to {@code community} (the community's
     * name) and {@code communityUrl} (the member's Community page in the Account Console, when the
     * server's address is known).
     */
    public static void send(KeycloakSession session, RealmModel realm, UserModel user, Notice notice, Map<String, Object> attributes) {
        if (realm.getSmtpConfig() == null || realm.getSmtpConfig().isEmpty() || user.getEmail() == null) {
            return;
        }
        String realmId = realm.getId();
        String userId = user.getId();
        Map<String, Object> model = new HashMap<>(attributes);
        model.put("community", CommunitySettings.displayName(realm));
        String base = baseUrl(session);
        if (base != null) {
            model.put("communityUrl", base + "realms/" + realm.getName() + "/account/community");
        }
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        Transactions.afterCommit(session, () -> session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR)
                .execute(() -> deliver(factory, realmId, userId, notice, model)));
    }

    private static void deliver(KeycloakSessionFactory factory, String realmId, String userId, Notice notice,
                                Map<String, Object> model) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, s -> {
                RealmModel realm = s.realms().getRealm(realmId);
                if (realm == null) {
                    return;
                }
                s.getContext().setRealm(realm);
                UserModel user = s.users().getUserById(realm, userId);
                if (user == null || user.getEmail() == null) {
                    return;
                }
                try {
                    s.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                            .send(notice.subjectKey, List.of(model.get("community")), notice.template + ".ftl", model);
                } catch (EmailException e) {
                    LOG.warnf("Could not send the %s notice to a member of realm %s: %s", notice, realm.getName(), e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not send the %s notice", notice);
        }
    }

    /** Template attributes from name/value pairs; pairs whose value is null are left out (the template tests {@code ??}). */
    public static Map<String, Object> attributes(Object... pairs) {
        return Pairs.of(pairs);
    }

    /** A day as the templates show it: ISO 8601 (2027-05-24), the same in every language. */
    public static String date(long millis) {
        return java.time.Instant.ofEpochMilli(millis).atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The server's public address when a request tells it (timed work has none: the link is left out). */
    private static String baseUrl(KeycloakSession session) {
        try {
            URI base = session.getContext().getUri().getBaseUri();
            return base.toString().endsWith("/") ? base.toString() : base + "/";
        } catch (RuntimeException noRequest) {
            return null;
        }
    }
}
