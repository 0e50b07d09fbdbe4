package io.kccommunity.membership;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

/**
 * One user's membership of one realm's community. The unique key on realm + user is what makes
 * concurrent joins create a single row, on every node of a cluster.
 */
@Entity
@Table(name = "COMMUNITY_MEMBER",
        uniqueConstraints = @UniqueConstraint(name = "UK_COMMUNITY_MEMBER_USER", columnNames = {"REALM_ID", "USER_ID"}))
public class MemberEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private MembershipStatus status;

    /** When the user last asked to join or was invited (epoch millis). */
    @Column(name = "REQUESTED_AT", nullable = false)
    private long requestedAt;

    /** When the membership last became active (epoch millis); null until then. */
    @Column(name = "JOINED_AT")
    private Long joinedAt;

    @Column(name = "COC_VERSION", length = 32)
    private String codeOfConductVersion;

    /** Reputation total, kept in step with the ledger in the same transaction. */
    @Column(name = "REPUTATION", nullable = false)
    private int reputation;

    /** The UTC day (days since 1970-01-01) that {@link #pointsToday} counts, for the daily cap. */
    @Column(name = "POINTS_DAY", nullable = false)
    private int pointsDay;

    /** Positive points received on {@link #pointsDay}, across all apps. */
    @Column(name = "POINTS_TODAY", nullable = false)
    private int pointsToday;

    /** Optimistic lock: two concurrent changes of one membership cannot both win. */
    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public MembershipStatus getStatus() { return status; }
    public void setStatus(MembershipStatus status) { this.status = status; }
    public long getRequestedAt() { return requestedAt; }
    public void setRequestedAt(long requestedAt) { this.requestedAt = requestedAt; }
    public Long getJoinedAt() { return joinedAt; }
    public void setJoinedAt(Long joinedAt) { this.joinedAt = joinedAt; }
    public String getCodeOfConductVersion() { return codeOfConductVersion; }
    public void setCodeOfConductVersion(String codeOfConductVersion) { this.codeOfConductVersion = codeOfConductVersion; }
    public int getReputation() { return reputation; }
    public void setReputation(int reputation) { this.reputation = reputation; }
    public int getPointsDay() { return pointsDay; }
    public void setPointsDay(int pointsDay) { this.pointsDay = pointsDay; }
    public int getPointsToday() { return pointsToday; }
    public void setPointsToday(int pointsToday) { this.pointsToday = pointsToday; }
    public int getVersion() { return version; }
}
