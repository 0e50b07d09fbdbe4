package io.kccommunity.advocacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * An advocate role a member holds now, and why. The unique key makes a role held once per member,
 * whichever node grants it. A revoked role's row is deleted; {@link RoleHistoryEntity} keeps the record.
 */
@Entity
@Table(name = "COMMUNITY_ROLE_HOLDING",
        uniqueConstraints = @UniqueConstraint(name = "UK_COMMUNITY_ROLE_HOLDING", columnNames = {"REALM_ID", "USER_ID", "ROLE_NAME"}))
public class RoleHoldingEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /** The short name: advocate, guru, ambassador, moderator, board-member. */
    @Column(name = "ROLE_NAME", length = 32, nullable = false)
    private String role;

    /** rule, manual or election; manual and election holdings are never revoked by rules. */
    @Column(name = "SOURCE", length = 16, nullable = false)
    private String source;

    @Column(name = "SINCE", nullable = false)
    private long since;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    /** When the member was told this term ends soon; cleared when the expiry changes. */
    @Column(name = "TERM_NOTICE_AT")
    private Long termNoticeAt;

    /** When the rule's conditions stopped holding (rule holdings only); the grace period runs from here. */
    @Column(name = "FAILING_SINCE")
    private Long failingSince;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public long getSince() { return since; }
    public void setSince(long since) { this.since = since; }
    public Long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Long expiresAt) { this.expiresAt = expiresAt; }
    public Long getTermNoticeAt() { return termNoticeAt; }
    public void setTermNoticeAt(Long termNoticeAt) { this.termNoticeAt = termNoticeAt; }
    public Long getFailingSince() { return failingSince; }
    public void setFailingSince(Long failingSince) { this.failingSince = failingSince; }
}
