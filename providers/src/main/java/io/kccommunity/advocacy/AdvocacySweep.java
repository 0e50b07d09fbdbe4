package io.kccommunity.advocacy;

import io.kccommunity.membership.MemberEntity;
import io.kccommunity.reputation.ReputationStore;
import java.lang.management.ManagementFactory;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The periodic sweep of one realm's advocate roles, for what time alone changes: expired grants,
 * membership age, event counts in a window, grace periods.
 */
public final class AdvocacySweep {

    /** This node's name in the sweep log: process id and host. */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private AdvocacySweep() {
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
