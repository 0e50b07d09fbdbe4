package io.kccommunity.circles;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.profile.Topics;
import io.kccommunity.setup.CommunityPitch;
import io.kccommunity.support.StoredJson;
import io.kccommunity.support.Text;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.models.RealmModel;

/**
 * What founders and admins send to create a circle or change its settings. On creation {@code slug}
 * and {@code name} are required; on a change, fields left out keep their value and the slug and kind
 * never change. {@code staff} (user ids) only when an admin creates a sponsored circle;
 * {@code status} ({@code active} | {@code archived}) only from admins.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CircleRequest(String slug, String name, Map<String, String> description, String visibility,
                            String joinPolicy, String topic, Integer maxMembers, List<String> staff, String status) {

    /** 3-40 of a-z 0-9 and single hyphens, starting with a letter: what a URL and a group name can carry as they are. */
    static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final Set<String> RESERVED = Set.of("settings", "new", "admin", "me", "all");

    static String checkedSlug(String slug) {
        if (slug == null || slug.length() < 3 || slug.length() > 40 || !SLUG.matcher(slug).matches()) {
            throw Text.invalid("slug", "must be 3-40 of a-z 0-9 and single hyphens, starting with a letter");
        }
        if (RESERVED.contains(slug)) {
            throw Text.invalid("slug", "'" + slug + "' is reserved");
        }
        return slug;
    }

    /** A new circle's fields, checked and written into {@code circle}. */
    void create(CircleEntity circle, RealmModel realm) {
        circle.setSlug(checkedSlug(slug));
        if (Text.clean("name", name, 100) == null) {
            throw Text.invalid("name", "is required");
        }
        circle.setVisibility(CircleRoles.PUBLIC);
        circle.setJoinPolicy(CircleRoles.OPEN);
        applyTo(circle, realm);
    }

    /** The fields given, checked and written into {@code circle}. */
    void applyTo(CircleEntity circle, RealmModel realm) {
        String cleanName = Text.clean("name", name, 100);
        if (cleanName != null) {
            circle.setName(cleanName);
        }
        if (description != null) {
            Map<String, String> texts = CommunityPitch.validDescription(description);
            circle.setDescription(texts.isEmpty() ? null : StoredJson.write(texts));
        }
        if (visibility != null) {
            circle.setVisibility(oneOf("visibility", visibility, CircleRoles.VISIBILITIES));
        }
        if (joinPolicy != null) {
            circle.setJoinPolicy(oneOf("joinPolicy", joinPolicy, CircleRoles.JOIN_POLICIES));
        }
        if (topic != null) {
            if (!topic.isEmpty() && !Topics.read(realm).ids().contains(topic)) {
                throw Text.invalid("topic", "must be one of the realm's interest topics, or empty");
            }
            circle.setTopic(topic.isEmpty() ? null : topic);
        }
        if (maxMembers != null) {
            if (maxMembers < 0 || maxMembers > 10_000_000) {
                throw Text.invalid("maxMembers", "must be 1 to 10000000, or 0 for the realm's maxMembersPerCircle");
            }
            circle.setMaxMembers(maxMembers == 0 ? null : maxMembers);
        }
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw Text.invalid(field, "must be one of " + String.join(", ", allowed));
        }
        return value;
    }
}
