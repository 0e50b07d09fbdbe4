package io.kccommunity.events;

import io.kccommunity.advocacy.AdvocacySweep;
import io.kccommunity.advocacy.AdvocacySweep.Step;
import io.kccommunity.advocacy.SweepLease;
import io.kccommunity.advocacy.SweepLease.Claim;
import io.kccommunity.advocacy.SweepLease.Position;
import io.kccommunity.circles.CircleTerms;
import io.kccommunity.governance.Elections;
import io.kccommunity.setup.CommunitySettings;
import io.kccommunity.support.Workers;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakSessionTask;
import org.keycloak.models.KeycloakSessionTaskWithResult;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The timed work: in every realm with a community, in realm-id order, the election phases that are due,
 * then the advocacy sweep's steps. Each node's timer only triggers a check; the work runs on an executor
 * of its own, one run per node at a time, and only under the job's lease ({@link SweepLease}), so the
 * cluster starts one run per interval and never runs two at once. Every step commits on its own (a
 * realm's elections and first chunk, or one chunk of members) together with the lease's renewal and the
 * run's new position, so a run its node left unfinished is resumed by another node, from there.
 */
final class CommunitySweep {

    static final String JOB = "advocacy-sweep";
    static final String EXECUTOR = "community-sweep";
    private static final Logger LOG = Logger.getLogger(CommunitySweep.class);

    private final KeycloakSessionFactory factory;
    private final long intervalMillis;
    private final long leaseMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    /** What a step leaves for the next: the run's position, and this node's log entry of the realm (null: none yet). */
    private record Progress(Position at, String logId) {
    }

    CommunitySweep(KeycloakSessionFactory factory, long intervalMillis, long leaseMillis) {
        this.factory = factory;
        this.intervalMillis = intervalMillis;
        this.leaseMillis = leaseMillis;
    }

    /** How often each node checks: every interval, or every lease period if shorter (an abandoned run waits no longer). */
    long checkMillis() {
        return Math.min(intervalMillis, leaseMillis);
    }

    /** The timer's tick: hands a check to the executor, unless this node is still at the last one. */
    void tick(Executor executor) {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    runIfDue();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "The timed community work stopped; the next check tries again");
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            running.set(false);
        }
    }

    /** Lets the current step finish (for a while), then leaves the rest of the run to another node. */
    void stop() {
        stopping = true;
        Workers.awaitIdle(running);
    }

    private void runIfDue() {
        // a timer may fire a little early: a tenth of a check of slack keeps every tick useful
        Claim claim = inTransaction(s -> lease(s).claim(AdvocacySweep.NODE, intervalMillis - checkMillis() / 10));
        if (claim == null) {
            return;
        }
        Position at = claim.position();
        boolean resumedInRealm = claim.resumed() && !SweepLease.NEXT_REALM.equals(at.step());
        String logId = null;
        try {
            while (!stopping) {
                if (SweepLease.NEXT_REALM.equals(at.step())) {
                    String done = at.realmId();
                    String realmId = inTransaction(s -> nextRealm(s, done));
                    if (realmId == null) {
                        runInTransaction(s -> lease(s).finish(claim));
                        return;
                    }
                    at = new Position(realmId, null, null);
                    logId = null;
                    resumedInRealm = false;
                }
                Progress progress = realmStep(claim, at, logId, resumedInRealm);
                at = progress.at();
                logId = progress.logId();
            }
            Position stoppedAt = at;
            runInTransaction(s -> lease(s).yield(claim, stoppedAt));
        } catch (SweepLease.Lost lost) {
            LOG.info("Another node took the timed community work over from this one (its lease had run out)");
        }
    }

    /** One step in a realm, or, when it fails, the realm skipped for this run. */
    private Progress realmStep(Claim claim, Position at, String logId, boolean resumed) {
        try {
            return inTransaction(s -> step(s, claim, at, logId, resumed));
        } catch (SweepLease.Lost lost) {
            throw lost;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Timed community work in realm %s failed; the next run tries again", at.realmId());
            Position skipped = new Position(at.realmId(), SweepLease.NEXT_REALM, null);
            runInTransaction(s -> lease(s).hold(claim, skipped));
            return new Progress(skipped, null);
        }
    }

    /**
     * At a realm's start (step null) its due election phases; then members of the current step, up to one
     * chunk, moving on through steps that have none left; the log entry; and the lease renewed with the
     * new position, all in one transaction.
     */
    private Progress step(KeycloakSession s, Claim claim, Position at, String logId, boolean resumed) {
        SweepLease lease = lease(s);
        long now = lease.now();
        RealmModel realm = s.realms().getRealm(at.realmId());
        if (realm == null || !CommunitySettings.isEnabled(realm)) {
            Position next = new Position(at.realmId(), SweepLease.NEXT_REALM, null);
            lease.hold(claim, next);
            return new Progress(next, logId);
        }
        s.getContext().setRealm(realm);
        String log = logId != null ? logId : AdvocacySweep.openLog(s, realm, now, resumed);
        Step step = at.step() == null ? Step.EXPIRIES : Step.valueOf(at.step());
        String after = at.after();
        if (at.step() == null) {
            new Elections(s, realm).advanceDue(Time.currentTimeMillis());
            CircleTerms.endTerms(s, realm, Time.currentTimeMillis());
        }
        int[] changes = new int[3];
        for (boolean visited = false; step != null && !visited; ) {
            List<String> chunk = AdvocacySweep.members(s, realm, step, after);
            visited = !chunk.isEmpty();
            if (visited) {
                AdvocacySweep.add(changes, AdvocacySweep.visit(s, realm, step, chunk));
                after = chunk.get(chunk.size() - 1);
            }
            if (chunk.size() < AdvocacySweep.CHUNK) {
                step = step.next();
                after = null;
            }
        }
        AdvocacySweep.logProgress(s, log, now, changes, step == null);
        Position next = step == null ? new Position(realm.getId(), SweepLease.NEXT_REALM, null)
                : new Position(realm.getId(), step.name(), after);
        lease.hold(claim, next);
        return new Progress(next, log);
    }

    /** The first realm with a community after realm {@code done} (null: the first of all); null when there is none. */
    private static String nextRealm(KeycloakSession s, String done) {
        return s.realms().getRealmsStream().filter(CommunitySettings::isEnabled).map(RealmModel::getId)
                .filter(id -> done == null || id.compareTo(done) > 0)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private SweepLease lease(KeycloakSession s) {
        return new SweepLease(s, JOB, leaseMillis);
    }

    private <T> T inTransaction(KeycloakSessionTaskWithResult<T> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, work);
    }

    private void runInTransaction(KeycloakSessionTask work) {
        KeycloakModelUtils.runJobInTransaction(factory, work);
    }
}
