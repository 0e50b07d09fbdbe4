package io.kccommunity.advocacy;

import io.kccommunity.membership.MemberEntity;
import io.kccommunity.reputation.ReputationStore;
import io.kccommunity.setup.CommunitySettings;
import java.lang.management.ManagementFactory;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The periodic sweep for what time alone changes: expired grants, membership age, event counts in
 * a window, grace periods. Every node's timer calls {@link #runIfDue}; the job clock in the database
 * lets one of them through per interval, so the cluster sweeps once, not once per node.
 */
public final class AdvocacySweep {

    static final String JOB = "advocacy-sweep";
    private static final Logger LOG = Logger.getLogger(AdvocacySweep.class);
    private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private AdvocacySweep() {
    }

    /** Sweeps every realm with a community, when no node has swept within the interval. */
    public static void runIfDue(KeycloakSessionFactory factory, long intervalMillis) {
        long now = Time.currentTimeMillis();
        // a timer may fire a little early: a tenth of the interval of slack keeps every tick useful
        boolean claimed = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                s -> new AdvocacyStore(s).claim(JOB, now, now - intervalMillis * 9 / 10, NODE));
        if (!claimed) {
            return;
        }
        KeycloakModelUtils.runJobInTransaction(factory, s -> s.realms().getRealmsStream()
                .filter(CommunitySettings::isEnabled).map(RealmModel::getId).toList()
                .forEach(realmId -> {
                    try {
                        KeycloakModelUtils.runJobInTransaction(factory, rs -> sweep(rs, rs.realms().getRealm(realmId), true));
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Advocacy sweep of realm %s failed; the next sweep tries again", realmId);
                    }
                }));
    }

    /** Sweeps one realm now; returns {granted, revoked}. {@code logged}: record the run. */
    public static int[] sweep(KeycloakSession session, RealmModel realm, boolean logged) {
        session.getContext().setRealm(realm);
        long now = Time.currentTimeMillis();
        Advocacy advocacy = new Advocacy(session, realm);
        int[] total = {0, advocacy.expire(now)};
        ReputationStore members = new ReputationStore(session);
        AdvocacyStore store = new AdvocacyStore(session);
        for (String userId : store.sweepCandidates(realm.getId(), lowestBar(advocacy.rules()))) {
            MemberEntity member = members.lockMember(realm.getId(), userId);
            UserModel user = session.users().getUserById(realm, userId);
            if (user != null) {
                int[] changes = advocacy.evaluate(user, member);
                total[0] += changes[0];
                total[1] += changes[1];
            }
        }
        if (logged) {
            SweepRunEntity run = new SweepRunEntity();
            run.setId(KeycloakModelUtils.generateId());
            run.setRealmId(realm.getId());
            run.setStartedAt(now);
            run.setNode(NODE);
            run.setGranted(total[0]);
            run.setRevoked(total[1]);
            store.persist(run);
        }
        return total;
    }

    /**
     * The lowest reputation any promotion rule asks for: members below it cannot gain a role, so
     * only they, and those holding a role by rule, are looked at. A rule without a reputation bar
     * makes every active member a candidate.
     */
    static int lowestBar(AdvocacyRules rules) {
        int bar = Integer.MAX_VALUE;
        for (AdvocacyRules.RoleRule rule : rules.roles().values()) {
            if (rule.promotion() != null) {
                Integer min = rule.promotion().minReputation();
                bar = Math.min(bar, min == null ? Integer.MIN_VALUE : min);
            }
        }
        return bar;
    }
}
