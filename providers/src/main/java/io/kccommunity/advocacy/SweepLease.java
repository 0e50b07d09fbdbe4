package io.kccommunity.advocacy;

import io.kccommunity.support.DatabaseClock;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A timed job's lease and the position of its unfinished run, on the job's row of {@code COMMUNITY_JOB},
 * timed by the database's clock, which every node shares (the nodes' own clocks may disagree). A node
 * works on the job only while it holds the lease: it claims it with one conditional update when a run
 * is due or an unfinished run's lease has run out, and every step of its work commits together with
 * {@link #hold}, which renews the lease and moves the position but matches only while the lease is
 * still the node's own. So a node that dies or stalls leaves the position of its last committed step
 * for another node to resume once the lease has run out, and a node whose lease was taken over can
 * commit nothing more: no step is lost and none is done twice.
 */
public final class SweepLease {

    /** The step of a run that is between realms: the next one is the first enabled realm after {@code realmId}. */
    public static final String NEXT_REALM = "next-realm";

    /**
     * Where a run stands: at {@code step} of realm {@code realmId}, after the member {@code after} (null: from
     * the first); or, with step {@link #NEXT_REALM}, done with {@code realmId} (null: with no realm yet).
     */
    public record Position(String realmId, String step, String after) {
    }

    /** A held lease: its id, where the run stands, and whether the run began under an earlier lease. */
    public record Claim(String leaseId, Position position, boolean resumed) {
    }

    /** This node's lease has been taken over: the step in progress must not commit. */
    public static final class Lost extends RuntimeException {
        Lost() {
            super("another node holds the job's lease now", null, false, false);
        }
    }

    private final EntityManager em;
    private final String job;
    private final long leaseMillis;

    public SweepLease(KeycloakSession session, String job, long leaseMillis) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.job = job;
        this.leaseMillis = leaseMillis;
    }

    /** The database's clock in epoch milliseconds (on PostgreSQL: when the transaction began). */
    public long now() {
        return DatabaseClock.now(em);
    }

    /**
     * Claims the lease for {@code node} if it is free or has run out, and either an unfinished run is
     * waiting or the latest run started {@code minGapMillis} ago or earlier (then a new run starts); null
     * when there is nothing to claim. True for one node at a time: the database applies one conditional
     * update of the row at a time.
     */
    public Claim claim(String node, long minGapMillis) {
        long now = now();
        String leaseId = KeycloakModelUtils.generateId();
        int claimed = em.createQuery("update JobEntity j set j.leaseId = :lease, j.leaseUntil = :until, j.node = :node"
                        + " where j.name = :name and (j.leaseUntil is null or j.leaseUntil <= :now)"
                        + " and (j.runStep is not null or j.lastRun <= :due)")
                .setParameter("lease", leaseId).setParameter("until", now + leaseMillis).setParameter("node", node)
                .setParameter("name", job).setParameter("now", now).setParameter("due", now - minGapMillis)
                .executeUpdate();
        if (claimed == 0) {
            return null;
        }
        JobEntity row = em.find(JobEntity.class, job);
        boolean resumed = row.getRunStep() != null;
        if (!resumed) {
            row.setLastRun(now);
            row.setRunStep(NEXT_REALM);
            row.setRunRealm(null);
            row.setRunAfter(null);
            em.flush();
        }
        return new Claim(leaseId, new Position(row.getRunRealm(), row.getRunStep(), row.getRunAfter()), resumed);
    }

    /** Renews the lease and records the run's new position, in the caller's transaction; throws {@link Lost}. */
    public void hold(Claim claim, Position next) {
        update(claim, "j.leaseUntil = :until, j.runRealm = :realm, j.runStep = :step, j.runAfter = :after", now() + leaseMillis,
                next);
    }

    /** Gives the lease up and keeps the position (this node stops; the next node to check resumes at once). */
    public void yield(Claim claim, Position at) {
        update(claim, "j.leaseId = null, j.leaseUntil = :until, j.runRealm = :realm, j.runStep = :step, j.runAfter = :after",
                null, at);
    }

    /** Ends the run: no position, and the lease free. */
    public void finish(Claim claim) {
        update(claim, "j.leaseId = null, j.leaseUntil = :until, j.runRealm = :realm, j.runStep = :step, j.runAfter = :after",
                null, new Position(null, null, null));
    }

    private void update(Claim claim, String assignments, Long until, Position position) {
        int held = em.createQuery("update JobEntity j set " + assignments + " where j.name = :name and j.leaseId = :lease")
                .setParameter("until", until).setParameter("realm", position.realmId())
                .setParameter("step", position.step()).setParameter("after", position.after())
                .setParameter("name", job).setParameter("lease", claim.leaseId()).executeUpdate();
        if (held == 0) {
            throw new Lost();
        }
    }
}
