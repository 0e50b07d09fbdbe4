package io.kccommunity.circles;

import io.kccommunity.web.CommunityError;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Circles as elections see them: a circle's election lets only its active members vote and stand, and
 * gives its winners the circle's moderator role for the term, which the timed sweep ends (the role
 * falls back to member). An owner or staff member who wins keeps their role.
 */
public final class CircleTerms {

    private CircleTerms() {
    }

    /** The id of the active circle {@code slug}, for an election; 400 {@code invalid_circle} otherwise. */
    public static String electionCircle(KeycloakSession session, RealmModel realm, String slug) {
        CircleEntity circle = slug == null || slug.length() > 40 ? null : new CircleStore(session).bySlug(realm.getId(), slug);
        if (circle == null || !CircleRoles.ACTIVE.equals(circle.getStatus())) {
            throw CommunityError.badRequest("invalid_circle", "circle must be the slug of an active circle");
        }
        return circle.getId();
    }

    /** The slug of a circle by id (null when it is gone). */
    public static String slugOf(KeycloakSession session, String circleId) {
        CircleEntity circle = circleId == null ? null : new CircleStore(session).circle(circleId);
        return circle == null ? null : circle.getSlug();
    }

    /** Whether the user may see the circle's elections: any circle but a secret one, or one they belong to. */
    public static boolean mayFollow(KeycloakSession session, String circleId, UserModel user) {
        CircleStore store = new CircleStore(session);
        CircleEntity circle = store.circle(circleId);
        if (circle == null) {
            return false;
        }
        CircleMemberEntity row = user == null ? null : store.member(circleId, user.getId());
        return !CircleRoles.SECRET.equals(circle.getVisibility()) || (row != null && CircleRoles.ACTIVE.equals(row.getStatus()));
    }

    /** A winner of the circle's election moderates it until {@code until} (a member who left is skipped). */
    public static void elect(KeycloakSession session, RealmModel realm, String circleId, UserModel user, long until) {
        CircleRoster roster = new CircleRoster(session, realm);
        CircleEntity circle = roster.store().circle(circleId);
        CircleMemberEntity row = circle == null ? null : roster.rowOf(circle, user);
        if (row == null || !CircleRoles.ACTIVE.equals(row.getStatus())) {
            return;
        }
        if (CircleRoles.MEMBER.equals(row.getRole()) || CircleRoles.RECOGNIZED.equals(row.getRole())) {
            roster.put(circle, user, row, CircleRoles.ACTIVE, CircleRoles.MODERATOR, null).setRoleUntil(until);
        } else if (CircleRoles.MODERATOR.equals(row.getRole()) && row.getRoleUntil() != null) {
            row.setRoleUntil(Math.max(until, row.getRoleUntil()));
        }
        roster.store().flush();
    }

    /** Ends the elected roles whose term is over (the sweep calls this); returns how many. */
    public static int endTerms(KeycloakSession session, RealmModel realm, long now) {
        CircleRoster roster = new CircleRoster(session, realm);
        int ended = 0;
        for (CircleMemberEntity row : roster.store().termsEnded(realm.getId(), now)) {
            CircleEntity circle = roster.store().circle(row.getCircleId());
            UserModel user = session.users().getUserById(realm, row.getUserId());
            if (circle != null && user != null) {
                roster.store().lock(circle);
                roster.put(circle, user, row, CircleRoles.ACTIVE, CircleRoles.MEMBER, null);
                ended++;
            } else {
                row.setRoleUntil(null);
            }
        }
        roster.store().flush();
        return ended;
    }
}
