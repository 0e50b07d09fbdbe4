package io.kccommunity.circles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's standing in one circle: {@code active} in a role, {@code requested} (awaiting owners or
 * moderators), {@code invited}, or {@code banned} (cannot join again). One row per circle and user
 * (a database constraint); leaving or removal deletes it, a ban keeps it.
 */
@Entity
@Table(name = "COMMUNITY_CIRCLE_MEMBER")
public class CircleMemberEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CIRCLE_ID", length = 36, nullable = false)
    private String circleId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "ROLE", length = 16, nullable = false)
    private String role;

    /** When the status (or, for active members, the role) began. */
    @Column(name = "SINCE", nullable = false)
    private long since;

    /** Why a member was banned (shown to owners and moderators). */
    @Column(name = "REASON", length = 500)
    private String reason;

    /** When an elected role's term ends (null: no end). */
    @Column(name = "ROLE_UNTIL")
    private Long roleUntil;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getCircleId() { return circleId; }
    public void setCircleId(String circleId) { this.circleId = circleId; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public long getSince() { return since; }
    public void setSince(long since) { this.since = since; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Long getRoleUntil() { return roleUntil; }
    public void setRoleUntil(Long roleUntil) { this.roleUntil = roleUntil; }
}
