package io.kccommunity.advocacy;

import io.kccommunity.membership.MemberEntity;
import io.kccommunity.reputation.ReputationStore;
import java.lang.management.ManagementFactory;
import java.util.List;
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

    /** Sweeps one realm now, in the caller's transaction (an admin's request); returns {granted, revoked, reminded}. */
    public static int[] sweep(KeycloakSession session, RealmModel realm) {
        int[] ended = endTerms(session, realm);
        int[] changes = evaluate(session, realm, candidates(session, realm));
        return new int[] {changes[0], changes[1] + ended[0], ended[1]};
    }

    /** Revokes the grants whose term has ended and tells holders whose term ends soon; returns {revoked, reminded}. */
    public static int[] endTerms(KeycloakSession session, RealmModel realm) {
        Advocacy advocacy = new Advocacy(session, realm);
        long now = Time.currentTimeMillis();
        return new int[] {advocacy.expire(now), advocacy.remindTermsEnding(now)};
    }

    /** The members a time-based rule may change (see {@link #lowestBar}). */
    public static List<String> candidates(KeycloakSession session, RealmModel realm) {
        return new AdvocacyStore(session).sweepCandidates(realm.getId(), lowestBar(AdvocacyRules.read(realm)));
    }

    /** Applies the promotion rules to these members, each under its row lock; returns {granted, revoked}. */
    public static int[] evaluate(KeycloakSession session, RealmModel realm, List<String> userIds) {
        Advocacy advocacy = new Advocacy(session, realm);
        ReputationStore members = new ReputationStore(session);
        int[] total = {0, 0};
        for (String userId : userIds) {
            MemberEntity member = members.lockMember(realm.getId(), userId);
            UserModel user = session.users().getUserById(realm, userId);
            if (user != null) {
                int[] changes = advocacy.evaluate(user, member);
                total[0] += changes[0];
                total[1] += changes[1];
            }
        }
        return total;
    }

    /** Records a timed sweep of a realm. */
    public static void log(KeycloakSession session, RealmModel realm, long startedAt, int granted, int revoked) {
        SweepRunEntity run = new SweepRunEntity();
        run.setId(KeycloakModelUtils.generateId());
        run.setRealmId(realm.getId());
        run.setStartedAt(startedAt);
        run.setNode(NODE);
        run.setGranted(granted);
        run.setRevoked(revoked);
        new AdvocacyStore(session).persist(run);
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
