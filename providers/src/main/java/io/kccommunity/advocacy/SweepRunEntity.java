package io.kccommunity.advocacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One node's timed sweep of one realm: when it started, when it last committed a step, when it finished
 * (null while it runs, and for good when its node stopped or the realm's sweep failed), how many roles it
 * granted and revoked, and whether it resumed a realm another node (or an earlier lease) had begun.
 * Times are the database's clock.
 */
@Entity
@Table(name = "COMMUNITY_SWEEP_RUN")
public class SweepRunEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;

    @Column(name = "UPDATED_AT")
    private long updatedAt;

    @Column(name = "FINISHED_AT")
    private Long finishedAt;

    @Column(name = "RESUMED", nullable = false)
    private boolean resumed;

    @Column(name = "NODE", length = 255)
    private String node;

    @Column(name = "GRANTED", nullable = false)
    private int granted;

    @Column(name = "REVOKED", nullable = false)
    private int revoked;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public long getStartedAt() { return startedAt; }
    public void setStartedAt(long startedAt) { this.startedAt = startedAt; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }
    public Long getFinishedAt() { return finishedAt; }
    public void setFinishedAt(Long finishedAt) { this.finishedAt = finishedAt; }
    public boolean isResumed() { return resumed; }
    public void setResumed(boolean resumed) { this.resumed = resumed; }
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
    public int getGranted() { return granted; }
    public void setGranted(int granted) { this.granted = granted; }
    public int getRevoked() { return revoked; }
    public void setRevoked(int revoked) { this.revoked = revoked; }
}
