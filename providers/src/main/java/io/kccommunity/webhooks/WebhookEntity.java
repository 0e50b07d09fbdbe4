package io.kccommunity.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A realm's webhook: where to send, which event types, and the signing secret (and, for a day after a
 * rotation, the previous one, so receivers can switch without losing a message).
 */
@Entity
@Table(name = "COMMUNITY_WEBHOOK")
public class WebhookEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "URL", length = 2000, nullable = false)
    private String url;

    /** The subscribed event types, comma-separated; {@code *} for all. */
    @Column(name = "EVENTS", length = 2000, nullable = false)
    private String events;

    @Column(name = "DESCRIPTION", length = 500)
    private String description;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    /** {@code whsec_<base64>}, as Standard Webhooks writes it. */
    @Column(name = "SECRET", length = 100, nullable = false)
    private String secret;

    @Column(name = "PREVIOUS_SECRET", length = 100)
    private String previousSecret;

    @Column(name = "PREVIOUS_SECRET_UNTIL")
    private Long previousSecretUntil;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** When the first of the current run of failed attempts was made; null after a success. */
    @Column(name = "FAILING_SINCE")
    private Long failingSince;

    /** Why the product disabled it (a message that exhausted its retries); null when an admin did, or it is enabled. */
    @Column(name = "DISABLED_REASON", length = 255)
    private String disabledReason;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getEvents() { return events; }
    public void setEvents(String events) { this.events = events; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
    public String getPreviousSecret() { return previousSecret; }
    public void setPreviousSecret(String previousSecret) { this.previousSecret = previousSecret; }
    public Long getPreviousSecretUntil() { return previousSecretUntil; }
    public void setPreviousSecretUntil(Long previousSecretUntil) { this.previousSecretUntil = previousSecretUntil; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public Long getFailingSince() { return failingSince; }
    public void setFailingSince(Long failingSince) { this.failingSince = failingSince; }
    public String getDisabledReason() { return disabledReason; }
    public void setDisabledReason(String disabledReason) { this.disabledReason = disabledReason; }
}
