package io.kccommunity.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Which user holds which handle. The user attribute {@code handle} is what members edit; this row is
 * the database's guarantee that no two users of a realm hold the same handle, even when they save
 * at the same moment on different nodes.
 */
@Entity
@Table(name = "COMMUNITY_HANDLE", uniqueConstraints = {
        @UniqueConstraint(name = "UK_COMMUNITY_HANDLE", columnNames = {"REALM_ID", "HANDLE"}),
        @UniqueConstraint(name = "UK_COMMUNITY_HANDLE_USER", columnNames = {"REALM_ID", "USER_ID"})})
public class HandleEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    /** Always lower case, so uniqueness is case-insensitive on every database. */
    @Column(name = "HANDLE", length = 30, nullable = false)
    private String handle;

    /**
     * Set while a request holds the handle for a user it has not saved yet (then {@code userId} is a
     * placeholder); null once the row is the user's.
     */
    @Column(name = "RESERVED_AT")
    private Long reservedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getHandle() { return handle; }
    public void setHandle(String handle) { this.handle = handle; }
    public Long getReservedAt() { return reservedAt; }
    public void setReservedAt(Long reservedAt) { this.reservedAt = reservedAt; }
}
