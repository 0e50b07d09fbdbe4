package io.kccommunity.reputation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A badge held by a member; the unique key makes every badge awarded once, on every node. */
@Entity
@Table(name = "COMMUNITY_BADGE_AWARD",
        uniqueConstraints = @UniqueConstraint(name = "UK_COMMUNITY_BADGE_AWARD", columnNames = {"REALM_ID", "USER_ID", "BADGE"}))
public class BadgeAwardEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "BADGE", length = 64, nullable = false)
    private String badge;

    @Column(name = "AWARDED_AT", nullable = false)
    private long awardedAt;

    /** The admin who awarded it by hand; null when a rule did. */
    @Column(name = "AWARDED_BY", length = 36)
    private String awardedBy;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getBadge() { return badge; }
    public void setBadge(String badge) { this.badge = badge; }
    public long getAwardedAt() { return awardedAt; }
    public void setAwardedAt(long awardedAt) { this.awardedAt = awardedAt; }
    public String getAwardedBy() { return awardedBy; }
    public void setAwardedBy(String awardedBy) { this.awardedBy = awardedBy; }
}
