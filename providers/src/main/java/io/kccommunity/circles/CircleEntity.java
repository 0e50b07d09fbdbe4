package io.kccommunity.circles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Nationalized;

/**
 * A circle: a sub-community founded by members ({@code organic}) or hosted by the company
 * ({@code sponsored}). Its slug is unique per realm (a database constraint); its members are
 * {@link CircleMemberEntity} rows, mirrored into the Keycloak group {@code GROUP_ID}.
 */
@Entity
@Table(name = "COMMUNITY_CIRCLE")
public class CircleEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "SLUG", length = 40, nullable = false)
    private String slug;

    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    /** JSON: language to text. */
    @Nationalized
    @Column(name = "DESCRIPTION")
    private String description;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Column(name = "VISIBILITY", length = 16, nullable = false)
    private String visibility;

    @Column(name = "JOIN_POLICY", length = 16, nullable = false)
    private String joinPolicy;

    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "TOPIC", length = 64)
    private String topic;

    @Column(name = "MAX_MEMBERS")
    private Integer maxMembers;

    /** Active members, kept in step under the circle's row lock. */
    @Column(name = "MEMBER_COUNT", nullable = false)
    private int memberCount;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "GROUP_ID", length = 36)
    private String groupId;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getVisibility() { return visibility; }
    public void setVisibility(String visibility) { this.visibility = visibility; }
    public String getJoinPolicy() { return joinPolicy; }
    public void setJoinPolicy(String joinPolicy) { this.joinPolicy = joinPolicy; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getTopic() { return topic; }
    public void setTopic(String topic) { this.topic = topic; }
    public Integer getMaxMembers() { return maxMembers; }
    public void setMaxMembers(Integer maxMembers) { this.maxMembers = maxMembers; }
    public int getMemberCount() { return memberCount; }
    public void setMemberCount(int memberCount) { this.memberCount = memberCount; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public String getGroupId() { return groupId; }
    public void setGroupId(String groupId) { this.groupId = groupId; }
}
