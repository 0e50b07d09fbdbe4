package io.kccommunity.advocacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The sweep's clock, one row per job: a node runs the job only when its conditional update of
 * {@code LAST_RUN} succeeds, so the database lets one node in per interval, however many there are.
 */
@Entity
@Table(name = "COMMUNITY_JOB")
public class JobEntity {

    @Id
    @Column(name = "NAME", length = 64)
    private String name;

    @Column(name = "LAST_RUN", nullable = false)
    private long lastRun;

    @Column(name = "NODE", length = 255)
    private String node;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public long getLastRun() { return lastRun; }
    public void setLastRun(long lastRun) { this.lastRun = lastRun; }
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
}
