package io.kccommunity.events;

import io.kccommunity.advocacy.AdvocacyStore;
import io.kccommunity.advocacy.AdvocacySweep;
import io.kccommunity.governance.Elections;
import io.kccommunity.setup.CommunitySettings;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
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

    private CommunitySweep() {
    }

    static void runIfDue(KeycloakSessionFactory factory, long intervalMillis) {
        long now = Time.currentTimeMillis();
        // a timer may fire a little early: a tenth of the interval of slack keeps every tick useful
        boolean claimed = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> new AdvocacyStore(s).claim(JOB, now, now - intervalMillis * 9 / 10, AdvocacySweep.NODE));
        if (!claimed) {
            return;
        }
        KeycloakModelUtils.runJobInTransaction(factory, s -> s.realms().getRealmsStream()
                .filter(CommunitySettings::isEnabled).map(RealmModel::getId).toList()
                .forEach(realmId -> {
                    try {
                        KeycloakModelUtils.runJobInTransaction(factory, rs -> {
                            RealmModel realm = rs.realms().getRealm(realmId);
                            rs.getContext().setRealm(realm);
                            new Elections(rs, realm).advanceDue(Time.currentTimeMillis());
                            AdvocacySweep.sweep(rs, realm, true);
                        });
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Timed community work in realm %s failed; the next run tries again", realmId);
                    }
                }));
    }
}
