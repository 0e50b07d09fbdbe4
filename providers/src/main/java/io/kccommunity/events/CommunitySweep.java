package io.kccommunity.events;

import io.kccommunity.advocacy.AdvocacyStore;
import io.kccommunity.advocacy.AdvocacySweep;
import io.kccommunity.governance.Elections;
import io.kccommunity.setup.CommunitySettings;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The timed work: election phases that are due, then the advocacy sweep, in every realm with a
 * community. Every node's timer calls {@link #runIfDue}; the job clock in the database lets one of
 * them through per interval, so the cluster does the work once, not once per node.
 */
final class CommunitySweep {

    static final String JOB = "advocacy-sweep";
    private static final Logger LOG = Logger.getLogger(CommunitySweep.class);

    /** Members evaluated per transaction: each member's row stays locked no longer than one chunk. */
    static final int CHUNK = 50;

    private CommunitySweep() {
    }

    /** Due election phases and expiries in one transaction, then the members in short ones, then the log. */
    private static void sweep(KeycloakSessionFactory factory, String realmId) {
        long startedAt = Time.currentTimeMillis();
        int[] total = {0, KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> {
            RealmModel realm = realm(s, realmId);
            new Elections(s, realm).advanceDue(Time.currentTimeMillis());
            return AdvocacySweep.endTerms(s, realm)[0];
        })};
        List<String> candidates = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> AdvocacySweep.candidates(s, realm(s, realmId)));
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            int[] changes = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                    s -> AdvocacySweep.evaluate(s, realm(s, realmId), chunk));
            total[0] += changes[0];
            total[1] += changes[1];
        }
        KeycloakModelUtils.runJobInTransaction(factory, s -> AdvocacySweep.log(s, realm(s, realmId), startedAt, total[0], total[1]));
    }

    private static RealmModel realm(KeycloakSession session, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        return realm;
    }

    static void runIfDue(KeycloakSessionFactory factory, long intervalMillis) {
        long now = Time.currentTimeMillis();
        // a timer may fire a little early: a tenth of the interval of slack keeps every tick useful
        boolean claimed = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> new AdvocacyStore(s).claim(JOB, now, now - intervalMillis * 9 / 10, AdvocacySweep.NODE));
        if (!claimed) {
            return;
        }
        List<String> realms = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> s.realms().getRealmsStream()
                .filter(CommunitySettings::isEnabled).map(RealmModel::getId).toList());
        for (String realmId : realms) {
            try {
                sweep(factory, realmId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Timed community work in realm %s failed; the next run tries again", realmId);
            }
        }
    }
}
