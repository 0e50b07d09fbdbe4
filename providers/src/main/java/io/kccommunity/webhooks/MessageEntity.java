package io.kccommunity.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Nationalized;

/**
 * A message in the outbox: one event for one webhook, written in the transaction of the change it
 * tells of. Its id is the {@code webhook-id} of every attempt. A node sends it only while it holds the
 * message's lease (by the database's clock); a node that dies leaves the lease to run out, and another
 * node sends the message again.
 */
@Entity
@Table(name = "COMMUNITY_WEBHOOK_MESSAGE")
public class MessageEntity {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    @Id
    @Column(name = "ID", length = 40)
    private String id;

    @Column(name = "WEBHOOK_ID", length = 36, nullable = false)
    private String webhookId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TYPE", length = 64, nullable = false)
    private String type;

    /** The exact bytes signed and sent, as UTF-8 text. */
    @Nationalized
    @Column(name = "BODY", nullable = false)
    private String body;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "STATE", length = 16, nullable = false)
    private String state;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    @Column(name = "LEASE_ID", length = 36)
    private String leaseId;

    @Column(name = "LEASE_UNTIL")
    private Long leaseUntil;

    /** The node holding (or that last held) the lease. */
    @Column(name = "LEASE_NODE", length = 255)
    private String leaseNode;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getWebhookId() { return webhookId; }
    public void setWebhookId(String webhookId) { this.webhookId = webhookId; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public long getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(long nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public String getLeaseId() { return leaseId; }
    public void setLeaseId(String leaseId) { this.leaseId = leaseId; }
    public Long getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(Long leaseUntil) { this.leaseUntil = leaseUntil; }
    public String getLeaseNode() { return leaseNode; }
    public void setLeaseNode(String leaseNode) { this.leaseNode = leaseNode; }
}
