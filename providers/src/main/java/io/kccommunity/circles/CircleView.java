package io.kccommunity.circles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.support.StoredJson;
import java.time.Instant;
import java.util.Map;
import org.keycloak.models.UserModel;

/** A circle as readers see it, with the reader's own standing in it ({@code you}, absent when none). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CircleView(String slug, String name, Map<String, String> description, String kind, String visibility,
                         String joinPolicy, String status, String topic, int memberCount, Integer maxMembers,
                         String createdAt, Standing you) {

    /** The reader's row: {@code active} with a role, {@code requested}, {@code invited} or {@code banned}. */
    public record Standing(String status, String role) {
    }

    static CircleView of(CircleEntity circle, CircleMemberEntity row) {
        Map<String, String> description = circle.getDescription() == null ? Map.of()
                : StoredJson.read(circle.getDescription(), new TypeReference<Map<String, String>>() { });
        return new CircleView(circle.getSlug(), circle.getName(), description, circle.getKind(), circle.getVisibility(),
                circle.getJoinPolicy(), circle.getStatus(), circle.getTopic(), circle.getMemberCount(), circle.getMaxMembers(),
                Instant.ofEpochMilli(circle.getCreatedAt()).toString(),
                row == null ? null : new Standing(row.getStatus(), CircleRoles.ACTIVE.equals(row.getStatus()) ? row.getRole() : null));
    }

    /**
     * One row of a circle's list: staff are {@code official}. Members whose profile is private appear
     * without id and names, except to privileged readers (and the reasons of bans only to those who moderate).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(String userId, String handle, String displayName, String role, Boolean official, String status,
                         String since, String reason) {

        static Member of(CircleMemberEntity row, UserModel user, boolean privileged, boolean moderator) {
            CommunityProfile profile = user == null ? null : CommunityProfile.of(user);
            boolean shown = profile != null && (privileged || moderator
                    || profile.visibility() != CommunityProfile.Visibility.PRIVATE);
            boolean active = CircleRoles.ACTIVE.equals(row.getStatus());
            return new Member(shown ? row.getUserId() : null, shown ? profile.handle() : null,
                    shown ? profile.displayName() : null, active ? row.getRole() : null,
                    CircleRoles.STAFF.equals(row.getRole()) && active ? Boolean.TRUE : null, row.getStatus(),
                    Instant.ofEpochMilli(row.getSince()).toString(), moderator ? row.getReason() : null);
        }
    }
}
