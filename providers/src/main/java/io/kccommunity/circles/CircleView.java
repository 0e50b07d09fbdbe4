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
     * One row of a circle's list: staff are {@code official}. Members appear without id and names where
     * their profile's visibility hides them from the reader (private: from all but privileged readers and
     * those who run the circle; members: also from readers who are not members); ban reasons only to those
     * who moderate.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(String userId, String handle, String displayName, String role, Boolean official, String status,
                         String since, String reason) {

        static Member of(CircleMemberEntity row, UserModel user, boolean privileged, boolean moderator) {
            return of(row, user, privileged, moderator, true);
        }

        /** {@code readerIsMember}: the reader may see {@code members} profiles (a community member or an app). */
        static Member of(CircleMemberEntity row, UserModel user, boolean privileged, boolean moderator, boolean readerIsMember) {
            CommunityProfile profile = user == null ? null : CommunityProfile.of(user);
            boolean shown = profile != null && (privileged || moderator || switch (profile.visibility()) {
                case PUBLIC -> true;
                case MEMBERS -> readerIsMember;
                case PRIVATE -> false;
            });
            boolean active = CircleRoles.ACTIVE.equals(row.getStatus());
            return new Member(shown ? row.getUserId() : null, shown ? profile.handle() : null,
                    shown ? profile.displayName() : null, active ? row.getRole() : null,
                    CircleRoles.STAFF.equals(row.getRole()) && active ? Boolean.TRUE : null, row.getStatus(),
                    Instant.ofEpochMilli(row.getSince()).toString(), moderator ? row.getReason() : null);
        }
    }
}
