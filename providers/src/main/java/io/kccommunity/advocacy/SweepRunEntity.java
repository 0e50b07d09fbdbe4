package io.kccommunity.advocacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One sweep of one realm: when, on which node, and how many roles it granted and revoked. */
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
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
    public int getGranted() { return granted; }
    public void setGranted(int granted) { this.granted = granted; }
    public int getRevoked() { return revoked; }
    public void setRevoked(int revoked) { this.revoked = revoked; }
}
