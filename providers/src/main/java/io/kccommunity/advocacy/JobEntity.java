package io.kccommunity.advocacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A timed job's row: when its latest run started, who holds its lease and until when, and where an
 * unfinished run stands. Times are the database's clock. See {@link SweepLease}.
 */
@Entity
@Table(name = "COMMUNITY_JOB")
public class JobEntity {

    @Id
    @Column(name = "NAME", length = 64)
    private String name;

    /** When the latest run started. */
    @Column(name = "LAST_RUN", nullable = false)
    private long lastRun;

    /** The lease's holder, or its last holder. */
    @Column(name = "NODE", length = 255)
    private String node;

    /** Changes with every claim: only the claim's holder can renew it. Null when no one holds the lease. */
    @Column(name = "LEASE_ID", length = 36)
    private String leaseId;

    @Column(name = "LEASE_UNTIL")
    private Long leaseUntil;

    /** Null when no run is unfinished; otherwise the step the run is at (see {@link SweepLease.Position}). */
    @Column(name = "RUN_STEP", length = 16)
    private String runStep;

    @Column(name = "RUN_REALM", length = 36)
    private String runRealm;

    @Column(name = "RUN_AFTER", length = 36)
    private String runAfter;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public long getLastRun() { return lastRun; }
    public void setLastRun(long lastRun) { this.lastRun = lastRun; }
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
    public String getLeaseId() { return leaseId; }
    public void setLeaseId(String leaseId) { this.leaseId = leaseId; }
    public Long getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(Long leaseUntil) { this.leaseUntil = leaseUntil; }
    public String getRunStep() { return runStep; }
    public void setRunStep(String runStep) { this.runStep = runStep; }
    public String getRunRealm() { return runRealm; }
    public void setRunRealm(String runRealm) { this.runRealm = runRealm; }
    public String getRunAfter() { return runAfter; }
    public void setRunAfter(String runAfter) { this.runAfter = runAfter; }
}
