package io.kccommunity.advocacy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** An admin's nomination of a member for a role, which a promotion rule may require. */
@Entity
@Table(name = "COMMUNITY_NOMINATION",
        uniqueConstraints = @UniqueConstraint(name = "UK_COMMUNITY_NOMINATION", columnNames = {"REALM_ID", "USER_ID", "ROLE_NAME"}))
public class NominationEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "ROLE_NAME", length = 32, nullable = false)
    private String role;

    @Column(name = "NOMINATED_BY", length = 36)
    private String nominatedBy;

    @Column(name = "NOMINATED_AT", nullable = false)
    private long nominatedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getNominatedBy() { return nominatedBy; }
    public void setNominatedBy(String nominatedBy) { this.nominatedBy = nominatedBy; }
    public long getNominatedAt() { return nominatedAt; }
    public void setNominatedAt(long nominatedAt) { this.nominatedAt = nominatedAt; }
}
