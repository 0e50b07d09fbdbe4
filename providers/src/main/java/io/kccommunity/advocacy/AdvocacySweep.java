package io.kccommunity.advocacy;

import io.kccommunity.membership.MemberEntity;
import io.kccommunity.reputation.ReputationStore;
import io.kccommunity.support.ThisNode;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The sweep of one realm's advocate roles, for what time alone changes: expired grants, terms ending
 * soon, membership age, event counts in a window, grace periods. It goes step by step, and each step
 * through its members in user-id order, a chunk at a time, each member under its row lock.
 */
public final class AdvocacySweep {

    /** This node's name in the sweep log: process id and host. */
    public static final String NODE = ThisNode.NAME;

    /** Members visited per chunk: the timed sweep commits each chunk on its own, so no row stays locked long. */
    public static final int CHUNK = 50;

    /** The steps of a realm's sweep, in order. */
    public enum Step {
        EXPIRIES, REMINDERS, RULES;

        /** The step after this one; null after the last. */
        public Step next() {
            return this == RULES ? null : values()[ordinal() + 1];
        }
    }

    private AdvocacySweep() {
    }

    /** Sweeps one realm now, in the caller's transaction (an admin's request); returns {granted, revoked, reminded}. */
    public static int[] sweep(KeycloakSession session, RealmModel realm) {
        int[] total = new int[3];
        for (Step step : Step.values()) {
            List<String> chunk = members(session, realm, step, null);
            while (!chunk.isEmpty()) {
                add(total, visit(session, realm, step, chunk));
                chunk = chunk.size() < CHUNK ? List.of() : members(session, realm, step, chunk.get(chunk.size() - 1));
            }
        }
        return total;
    }

    /** The next chunk of members the step visits: up to {@link #CHUNK} after {@code after} (null: from the first). */
    public static List<String> members(KeycloakSession session, RealmModel realm, Step step, String after) {
        AdvocacyStore store = new AdvocacyStore(session);
        long now = Time.currentTimeMillis();
        return switch (step) {
            case EXPIRIES -> store.membersWithExpired(realm.getId(), now, after, CHUNK);
            case REMINDERS -> store.membersWithTermEnding(realm.getId(), now,
                    now + Advocacy.TERM_NOTICE_DAYS * Advocacy.DAY_MILLIS, after, CHUNK);
            case RULES -> store.sweepCandidates(realm.getId(), lowestBar(AdvocacyRules.read(realm)), after, CHUNK);
        };
    }

    /**
     * Visits these members, each under its row lock, under which what the step looks at is read again;
     * returns {granted, revoked, reminded}.
     */
    public static int[] visit(KeycloakSession session, RealmModel realm, Step step, List<String> userIds) {
        Advocacy advocacy = new Advocacy(session, realm);
        ReputationStore members = new ReputationStore(session);
        int[] total = new int[3];
        for (String userId : userIds) {
            long now = Time.currentTimeMillis();
            switch (step) {
                case EXPIRIES -> total[1] += advocacy.expire(userId, now);
                case REMINDERS -> total[2] += advocacy.remindTermsEnding(userId, now);
                case RULES -> {
                    MemberEntity member = members.lockMember(realm.getId(), userId);
                    UserModel user = session.users().getUserById(realm, userId);
                    if (user != null) {
                        int[] changes = advocacy.evaluate(user, member);
                        total[0] += changes[0];
                        total[1] += changes[1];
                    }
                }
            }
        }
        return total;
    }

    public static void add(int[] total, int[] more) {
        for (int i = 0; i < total.length; i++) {
            total[i] += more[i];
        }
    }

    /** Opens this node's entry of a realm's timed sweep in the sweep log; returns its id. */
    public static String openLog(KeycloakSession session, RealmModel realm, long now, boolean resumed) {
        SweepRunEntity run = new SweepRunEntity();
        run.setId(KeycloakModelUtils.generateId());
        run.setRealmId(realm.getId());
        run.setStartedAt(now);
        run.setUpdatedAt(now);
        run.setResumed(resumed);
        run.setNode(NODE);
        new AdvocacyStore(session).persist(run);
        return run.getId();
    }

    /** Adds a committed chunk's changes {granted, revoked, ...} to the entry, and marks it finished if the realm is done. */
    public static void logProgress(KeycloakSession session, String logId, long now, int[] changes, boolean finished) {
        SweepRunEntity run = new AdvocacyStore(session).sweepRun(logId);
        run.setGranted(run.getGranted() + changes[0]);
        run.setRevoked(run.getRevoked() + changes[1]);
        run.setUpdatedAt(now);
        run.setFinishedAt(finished ? now : null);
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
