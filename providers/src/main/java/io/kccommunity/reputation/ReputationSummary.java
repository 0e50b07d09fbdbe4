package io.kccommunity.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.membership.MemberEntity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A member's reputation as the member sees it in {@code /me}: total, level, progress, badges, points per circle. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReputationSummary(int total, String level, String levelName, NextLevel nextLevel, int pointsToday,
                                int dailyCap, List<BadgeView> badges, List<CirclePoints> circles) {

    /** Points earned in a circle the member belongs to (events that named it). */
    public record CirclePoints(String circle, int points) {
    }

    /** {@code name} is the level's id, {@code levelName} what the reader reads. */
    public record NextLevel(String name, String levelName, int threshold, int missing) {
    }

    public record BadgeView(String id, String name, String description, String tier, String icon, String awardedAt) {
    }

    /** {@code user}'s reputation, named for the reader of this request ({@code reader}: a user of the realm, or null). */
    public static ReputationSummary of(KeycloakSession session, RealmModel realm, UserModel user, MemberEntity member,
                                       UserModel reader) {
        ReputationNames names = ReputationNames.of(session, realm, reader);
        ReputationRules rules = names.rules();
        int total = member == null ? 0 : member.getReputation();
        int today = member == null || member.getPointsDay() != Ledger.day(org.keycloak.common.util.Time.currentTimeMillis())
                ? 0 : member.getPointsToday();
        ReputationRules.Level next = rules.nextLevel(total);
        List<BadgeView> badges = new Badges(session, realm, rules).held(user).stream()
                .map(a -> view(names, rules.badge(a.getBadge()), a))
                .filter(Objects::nonNull)
                .toList();
        String level = rules.levelOf(total).name();
        return new ReputationSummary(total, level, names.level(level),
                next == null ? null : new NextLevel(next.name(), names.level(next.name()), next.threshold(),
                        next.threshold() - total),
                today, rules.cap(), badges, new ReputationStore(session).pointsByCircle(realm.getId(), user.getId()).stream()
                        .map(row -> new CirclePoints((String) row[0], ((Number) row[1]).intValue())).toList());
    }

    /** The level a total reaches under the realm's rules. */
    public static String levelOf(RealmModel realm, int total) {
        return ReputationRules.read(realm).levelOf(total).name();
    }

    /** The total mirrored in the user attribute (0 when none yet). */
    public static int mirroredTotal(UserModel user) {
        String value = user.getFirstAttribute(Ledger.ATTRIBUTE);
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static BadgeView view(ReputationNames names, ReputationRules.Badge badge, BadgeAwardEntity award) {
        // an award whose definition an admin has since removed is no longer shown
        return badge == null ? null : new BadgeView(badge.id(), names.badge(badge), badge.description(), badge.tier(),
                badge.icon(), Instant.ofEpochMilli(award.getAwardedAt()).toString());
    }
}
