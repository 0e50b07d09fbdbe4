package io.kccommunity.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a webhook's delivery log: an attempt and its outcome, or the product disabling the webhook. */
@Entity
@Table(name = "COMMUNITY_WEBHOOK_ATTEMPT")
public class AttemptEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "WEBHOOK_ID", length = 36, nullable = false)
    private String webhookId;

    @Column(name = "MESSAGE_ID", length = 40)
    private String messageId;

    @Column(name = "TYPE", length = 64)
    private String type;

    @Column(name = "ATTEMPT", nullable = false)
    private int attempt;

    @Column(name = "ATTEMPTED_AT", nullable = false)
    private long attemptedAt;

    /** The receiver's HTTP status; null when none came (refused, timed out, unreachable). */
    @Column(name = "STATUS")
    private Integer status;

    /** {@code delivered}, {@code retrying}, {@code failed} (no attempt left) or {@code disabled} (the webhook). */
    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    @Column(name = "ERROR", length = 255)
    private String error;

    @Column(name = "DURATION_MILLIS")
    private Long durationMillis;

    @Column(name = "NODE", length = 255)
    private String node;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getWebhookId() { return webhookId; }
    public void setWebhookId(String webhookId) { this.webhookId = webhookId; }
    public String getMessageId() { return messageId; }
    public void setMessageId(String messageId) { this.messageId = messageId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public int getAttempt() { return attempt; }
    public void setAttempt(int attempt) { this.attempt = attempt; }
    public long getAttemptedAt() { return attemptedAt; }
    public void setAttemptedAt(long attemptedAt) { this.attemptedAt = attemptedAt; }
    public Integer getStatus() { return status; }
    public void setStatus(Integer status) { this.status = status; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getError() { return error; }
    public void setError(String error) { this.error = error; }
    public Long getDurationMillis() { return durationMillis; }
    public void setDurationMillis(Long durationMillis) { this.durationMillis = durationMillis; }
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
}
