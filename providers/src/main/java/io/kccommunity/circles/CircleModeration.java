package io.kccommunity.circles;

import io.kccommunity.membership.Memberships;
import io.kccommunity.notices.Notice;
import io.kccommunity.notices.Notices;
import io.kccommunity.support.Text;
import io.kccommunity.web.CommunityError;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Running a circle. Owners and moderators (and, in sponsored circles, staff) decide requests, invite,
 * remove and ban; owners appoint moderators and other owners; staff appoint recognized members; admins
 * may do all of it and appoint staff. Nobody removes, bans or demotes someone of a rank they may not
 * appoint, and an organic circle always keeps an owner.
 */
final class CircleModeration {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CircleRoster roster;
    private final CircleMemberships memberships;

    CircleModeration(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.roster = new CircleRoster(session, realm);
        this.memberships = new CircleMemberships(session, realm);
    }

    /** The actor's role in the circle ({@code admin} for admins), under the circle's lock; null when none. */
    private String rank(CircleEntity circle, Actor by) {
        if (by.isAdmin()) {
            roster.store().lock(circle);
            return "admin";
        }
        CircleMemberEntity row = roster.rowOf(circle, by.user());
        return row != null && CircleRoles.ACTIVE.equals(row.getStatus()) ? row.getRole() : null;
    }

    private String requireModerator(CircleEntity circle, Actor by) {
        String rank = rank(circle, by);
        if (!"admin".equals(rank) && !CircleRoles.moderates(rank) && !CircleRoles.STAFF.equals(rank)) {
            throw CommunityError.forbidden("Only the circle's owners, moderators and staff do this");
        }
        return rank;
    }

    CircleMemberEntity decide(CircleEntity circle, Actor by, UserModel user, boolean approve) {
        requireModerator(circle, by);
        CircleMemberEntity row = roster.store().member(circle.getId(), user.getId());
        if (row == null || !CircleRoles.REQUESTED.equals(row.getStatus())) {
            throw CommunityError.conflict("not_requested", "The user has not asked to join this circle");
        }
        if (!approve) {
            roster.drop(circle, user, row, "rejected");
            tell(user, Notice.CIRCLE_REQUEST_REJECTED, circle);
            return null;
        }
        requireActive(circle);
        memberships.requireRoom(circle);
        tell(user, Notice.CIRCLE_REQUEST_APPROVED, circle);
        return roster.put(circle, user, row, CircleRoles.ACTIVE, CircleRoles.MEMBER, null);
    }

    CircleMemberEntity invite(CircleEntity circle, Actor by, UserModel user) {
        requireModerator(circle, by);
        if (!Memberships.isActive(realm, user)) {
            throw CommunityError.badRequest("not_a_member", "Only community members can be invited");
        }
        CircleMemberEntity row = roster.store().member(circle.getId(), user.getId());
        if (row != null && CircleRoles.BANNED.equals(row.getStatus())) {
            throw CommunityError.conflict("banned", "The user is banned from this circle: lift the ban first");
        }
        if (row != null && CircleRoles.ACTIVE.equals(row.getStatus())) {
            throw CommunityError.conflict("already_circle_member", "The user is already a member of this circle");
        }
        requireActive(circle);
        if (row != null && CircleRoles.REQUESTED.equals(row.getStatus())) {
            memberships.requireRoom(circle);
            return roster.put(circle, user, row, CircleRoles.ACTIVE, CircleRoles.MEMBER, null);
        }
        tell(user, Notice.CIRCLE_INVITED, circle);
        return roster.put(circle, user, row, CircleRoles.INVITED, CircleRoles.MEMBER, null);
    }

    /** Emails the user of what was decided for them (after the change commits; nothing without SMTP). */
    private void tell(UserModel user, Notice notice, CircleEntity circle) {
        Notices.send(session, realm, user, notice, Map.of("circle", circle.getName()));
    }

    /** Removes a member (or cancels a request or invitation). */
    void remove(CircleEntity circle, Actor by, UserModel user, String reason) {
        String rank = requireModerator(circle, by);
        CircleMemberEntity row = roster.store().member(circle.getId(), user.getId());
        if (row == null || CircleRoles.BANNED.equals(row.getStatus())) {
            throw CommunityError.notFound("not_a_circle_member", "The user is not in this circle");
        }
        requireOutranks(rank, row);
        requireAnotherOwner(circle, row, by);
        Text.clean("reason", reason, 500);
        roster.drop(circle, user, row, "removed");
    }

    CircleMemberEntity ban(CircleEntity circle, Actor by, UserModel user, String reason) {
        String rank = requireModerator(circle, by);
        String why = Text.clean("reason", reason, 500);
        if (why == null) {
            throw Text.invalid("reason", "is required");
        }
        CircleMemberEntity row = roster.store().member(circle.getId(), user.getId());
        if (row != null) {
            requireOutranks(rank, row);
            requireAnotherOwner(circle, row, by);
        }
        return roster.put(circle, user, row, CircleRoles.BANNED, CircleRoles.MEMBER, why);
    }

    void unban(CircleEntity circle, Actor by, UserModel user) {
        requireModerator(circle, by);
        CircleMemberEntity row = roster.store().member(circle.getId(), user.getId());
        if (row == null || !CircleRoles.BANNED.equals(row.getStatus())) {
            throw CommunityError.notFound("not_banned", "The user is not banned from this circle");
        }
        roster.drop(circle, user, row, "unbanned");
    }

    /** Gives an active member a role in the circle; admins may also add a community member directly. */
    CircleMemberEntity setRole(CircleEntity circle, Actor by, UserModel user, String role) {
        if (role == null || !CircleRoles.ROLES.contains(role)) {
            throw Text.invalid("role", "must be one of " + String.join(", ", CircleRoles.ROLES));
        }
        String rank = rank(circle, by);
        boolean sponsored = CircleRoles.SPONSORED.equals(circle.getKind());
        if ((CircleRoles.STAFF.equals(role) || CircleRoles.RECOGNIZED.equals(role)) && !sponsored) {
            throw Text.invalid("role", role + " exists in sponsored circles only");
        }
        CircleMemberEntity row = roster.store().member(circle.getId(), user.getId());
        boolean active = row != null && CircleRoles.ACTIVE.equals(row.getStatus());
        if (!active && !"admin".equals(rank)) {
            throw CommunityError.conflict("not_a_circle_member", "Roles go to the circle's active members");
        }
        String current = active ? row.getRole() : null;
        boolean mayAppoint = switch (rank == null ? "" : rank) {
            case "admin" -> true;
            case CircleRoles.OWNER -> !CircleRoles.STAFF.equals(role) && !CircleRoles.RECOGNIZED.equals(role)
                    && !CircleRoles.STAFF.equals(current) && !CircleRoles.RECOGNIZED.equals(current);
            case CircleRoles.STAFF -> (CircleRoles.RECOGNIZED.equals(role) || CircleRoles.MEMBER.equals(role))
                    && (CircleRoles.RECOGNIZED.equals(current) || CircleRoles.MEMBER.equals(current));
            default -> false;
        };
        if (!mayAppoint) {
            throw CommunityError.forbidden("You may not give this role in this circle");
        }
        if (!active && !Memberships.isActive(realm, user)) {
            throw CommunityError.badRequest("not_a_member", "Only community members join circles");
        }
        if (active && role.equals(current)) {
            return row;
        }
        if (active) {
            requireAnotherOwner(circle, row, by);
        } else {
            requireActive(circle);
            memberships.requireRoom(circle);
        }
        return roster.put(circle, user, row, CircleRoles.ACTIVE, role, null);
    }

    /** New members join active circles only (not pending or archived ones). */
    private static void requireActive(CircleEntity circle) {
        if (!CircleRoles.ACTIVE.equals(circle.getStatus())) {
            throw CommunityError.conflict("circle_not_active", "The circle is " + circle.getStatus() + ": nobody joins it now");
        }
    }

    /** Moderators act on members and recognized members; owners also on moderators and owners; staff only by admins. */
    private static void requireOutranks(String rank, CircleMemberEntity target) {
        String role = CircleRoles.ACTIVE.equals(target.getStatus()) ? target.getRole() : CircleRoles.MEMBER;
        boolean may = "admin".equals(rank)
                || (CircleRoles.OWNER.equals(rank) && !CircleRoles.STAFF.equals(role))
                || ((CircleRoles.MODERATOR.equals(rank) || CircleRoles.STAFF.equals(rank))
                        && (CircleRoles.MEMBER.equals(role) || CircleRoles.RECOGNIZED.equals(role)));
        if (!may) {
            throw CommunityError.forbidden("You may not act on a " + role + " of this circle");
        }
    }

    /** An organic circle's last owner stays owner, unless an admin acts (who then owns what is left). */
    private void requireAnotherOwner(CircleEntity circle, CircleMemberEntity row, Actor by) {
        if (CircleRoles.ACTIVE.equals(row.getStatus()) && CircleRoles.OWNER.equals(row.getRole()) && !by.isAdmin()
                && CircleRoles.ORGANIC.equals(circle.getKind()) && roster.store().owners(circle.getId()) == 1) {
            throw CommunityError.conflict("last_owner", "The circle's only owner stays owner: make another member owner first");
        }
    }
}
