package io.kccommunity.reputation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One immutable change of a member's reputation. The unique key on realm + source + key makes a
 * retried request a replay on every node; the unique {@code REVERSES} makes a reversal happen once.
 */
@Entity
@Table(name = "COMMUNITY_REPUTATION_EVENT", uniqueConstraints = {
        @UniqueConstraint(name = "UK_COMMUNITY_REP_EVENT_KEY", columnNames = {"REALM_ID", "SOURCE", "EVENT_KEY"}),
        @UniqueConstraint(name = "UK_COMMUNITY_REP_EVENT_REVERSES", columnNames = {"REVERSES"})})
public class ReputationEventEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /** The client id of the app that sent it, or {@code community} / {@code admin}. */
    @Column(name = "SOURCE", length = 255, nullable = false)
    private String source;

    @Column(name = "TYPE", length = 64, nullable = false)
    private String type;

    /** The points asked for, before the daily cap and the floor. */
    @Column(name = "REQUESTED_POINTS", nullable = false)
    private int requestedPoints;

    /** The points that counted. */
    @Column(name = "POINTS", nullable = false)
    private int points;

    /** The member's total right after this event, so a replay returns the original answer. */
    @Column(name = "BALANCE", nullable = false)
    private int balance;

    @Column(name = "REASON", length = 500)
    private String reason;

    @Column(name = "EVENT_KEY", length = 128, nullable = false)
    private String key;

    /** The circle the points were earned in (its id), or null. */
    @Column(name = "CIRCLE_ID", length = 36)
    private String circleId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    /** The event this one reverses, if it is a reversal. */
    @Column(name = "REVERSES", length = 36)
    private String reverses;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public int getRequestedPoints() { return requestedPoints; }
    public void setRequestedPoints(int requestedPoints) { this.requestedPoints = requestedPoints; }
    public int getPoints() { return points; }
    public void setPoints(int points) { this.points = points; }
    public int getBalance() { return balance; }
    public void setBalance(int balance) { this.balance = balance; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getReverses() { return reverses; }
    public void setReverses(String reverses) { this.reverses = reverses; }
    public String getCircleId() { return circleId; }
    public void setCircleId(String circleId) { this.circleId = circleId; }
}
