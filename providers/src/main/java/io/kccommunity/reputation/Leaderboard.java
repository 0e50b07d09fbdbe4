package io.kccommunity.reputation;

import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.web.CommunityError;
import io.kccommunity.web.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The leaderboard: active members by points over all time, or earned in the last 7 or 30 days.
 * Ties go to who joined first, then to the lower user id, so every page is stable. Members whose
 * profile is private appear without user id, handle and display name.
 */
public final class Leaderboard {

    public enum Period { WEEK, MONTH, ALL }

    /** {@code level} is the level's id, {@code levelName} what the reader reads. */
    public record Entry(int rank, String userId, String handle, String displayName, int points, int reputation,
                        String level, String levelName) {
    }

    public record Page(String period, List<Entry> entries) {
    }

    private Leaderboard() {
    }

    public static Period period(String value) {
        if (value == null || value.isEmpty()) {
            return Period.ALL;
        }
        try {
            return Period.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CommunityError.badRequest("invalid_request", "period must be one of week, month, all");
        }
    }

    public static Page read(KeycloakSession session, RealmModel realm, Period period, Paging paging, UserModel viewer,
                            boolean viewerIsAdmin) {
        ReputationStore store = new ReputationStore(session);
        List<Object[]> rows = switch (period) {
            case ALL -> store.leaders(realm.getId(), paging.first(), paging.max());
            case WEEK -> store.leadersSince(realm.getId(), since(period), paging.first(), paging.max());
            case MONTH -> store.leadersSince(realm.getId(), since(period), paging.first(), paging.max());
        };
        return page(session, realm, period, paging, viewer, viewerIsAdmin, rows);
    }

    /** A circle's leaderboard: its active members by points earned in it ({@code all}: ever), not by their totals. */
    public static Page readCircle(KeycloakSession session, RealmModel realm, String circleId, Period period, Paging paging,
                                  UserModel viewer, boolean viewerIsAdmin) {
        List<Object[]> rows = new ReputationStore(session).circleLeaders(realm.getId(), circleId,
                period == Period.ALL ? null : since(period), paging.first(), paging.max());
        return page(session, realm, period, paging, viewer, viewerIsAdmin, rows);
    }

    private static long since(Period period) {
        return Time.currentTimeMillis() - (period == Period.WEEK ? 7 : 30) * 86_400_000L;
    }

    private static Page page(KeycloakSession session, RealmModel realm, Period period, Paging paging, UserModel viewer,
                             boolean viewerIsAdmin, List<Object[]> rows) {
        ReputationNames names = ReputationNames.of(session, realm, viewer);
        ReputationRules rules = names.rules();
        List<Entry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            UserModel user = session.users().getUserById(realm, (String) row[0]);
            if (user == null) {
                continue;
            }
            int reputation = ReputationSummary.mirroredTotal(user);
            String level = rules.levelOf(reputation).name();
            CommunityProfile profile = CommunityProfile.of(user);
            boolean shown = profile.visibility() != CommunityProfile.Visibility.PRIVATE || viewerIsAdmin
                    || (viewer != null && user.getId().equals(viewer.getId()));
            entries.add(new Entry(paging.first() + entries.size() + 1, shown ? user.getId() : null, shown ? profile.handle() : null,
                    shown ? profile.displayName() : null, ((Number) row[1]).intValue(), reputation,
                    level, names.level(level)));
        }
        return new Page(period.name().toLowerCase(Locale.ROOT), entries);
    }
}
