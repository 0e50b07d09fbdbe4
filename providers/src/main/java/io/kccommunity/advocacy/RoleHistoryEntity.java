package io.kccommunity.advocacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One grant or revocation of an advocate role: who, why, when, until when. Never changed. */
@Entity
@Table(name = "COMMUNITY_ROLE_HISTORY")
public class RoleHistoryEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "ROLE_NAME", length = 32, nullable = false)
    private String role;

    /** grant or revoke. */
    @Column(name = "ACTION_TYPE", length = 16, nullable = false)
    private String action;

    /** rule, manual, election, expiry or membership (the member left). */
    @Column(name = "SOURCE", length = 16, nullable = false)
    private String source;

    /** The admin who acted, when one did. */
    @Column(name = "ACTOR", length = 36)
    private String actor;

    @Column(name = "REASON", length = 500)
    private String reason;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "OCCURRED_AT", nullable = false)
    private long occurredAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
    public long getOccurredAt() { return occurredAt; }
    public void setOccurredAt(long occurredAt) { this.occurredAt = occurredAt; }
}
