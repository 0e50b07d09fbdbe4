package io.kccommunity.circles;

import io.kccommunity.membership.Memberships;
import io.kccommunity.web.CommunityError;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Joining and leaving circles, by the member themselves: {@code open} circles take community members
 * at once, {@code request} circles put them in front of the owners and moderators, {@code invite}
 * circles take only those invited. A ban keeps a user out for good (until lifted). Leaving the
 * community leaves every circle.
 */
public final class CircleMemberships {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CircleRoster roster;

    public CircleMemberships(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.roster = new CircleRoster(session, realm);
    }

    /** Joins, asks to join, or accepts an invitation; returns the row and whether this call changed it. */
    Change join(CircleEntity circle, UserModel user) {
        if (!Memberships.isActive(realm, user)) {
            throw CommunityError.forbidden("not_a_member", "Only community members join circles");
        }
        CircleMemberEntity row = roster.rowOf(circle, user);
        if (!CircleRoles.ACTIVE.equals(circle.getStatus())) {
            throw CommunityError.conflict("circle_not_active", "The circle is " + circle.getStatus() + ": nobody joins it now");
        }
        String status = row == null ? null : row.getStatus();
        if (CircleRoles.BANNED.equals(status)) {
            throw CommunityError.forbidden("banned", "You are banned from this circle");
        }
        if (CircleRoles.ACTIVE.equals(status) || CircleRoles.REQUESTED.equals(status)) {
            return new Change(row, false);
        }
        boolean invited = CircleRoles.INVITED.equals(status);
        if (CircleRoles.INVITE.equals(circle.getJoinPolicy()) && !invited) {
            throw CommunityError.forbidden("invitation_required", "This circle takes invited members only");
        }
        if (!invited && CircleRoles.REQUEST.equals(circle.getJoinPolicy())) {
            return new Change(roster.put(circle, user, row, CircleRoles.REQUESTED, CircleRoles.MEMBER, null), true);
        }
        requireRoom(circle);
        return new Change(roster.put(circle, user, row, CircleRoles.ACTIVE, CircleRoles.MEMBER, null), true);
    }

    /** Leaves, withdraws a request or declines an invitation; the last owner of an organic circle must hand it on first. */
    void leave(CircleEntity circle, UserModel user) {
        CircleMemberEntity row = roster.rowOf(circle, user);
        if (row == null || CircleRoles.BANNED.equals(row.getStatus())) {
            throw CommunityError.notFound("not_a_circle_member", "You are not in this circle");
        }
        if (CircleRoles.ACTIVE.equals(row.getStatus()) && CircleRoles.OWNER.equals(row.getRole())
                && CircleRoles.ORGANIC.equals(circle.getKind())
                && roster.store().owners(circle.getId()) == 1 && circle.getMemberCount() > 1) {
            throw CommunityError.conflict("last_owner", "You are the circle's only owner: make another member owner first");
        }
        roster.drop(circle, user, row, "left");
    }

    /** The user left the community (or was removed): every circle of theirs, rows and bans kept only as bans. */
    public void leaveAll(UserModel user) {
        for (CircleMemberEntity row : roster.store().rowsOf(realm.getId(), user.getId())) {
            if (!CircleRoles.BANNED.equals(row.getStatus())) {
                CircleEntity circle = roster.store().circle(row.getCircleId());
                if (circle != null) {
                    roster.store().lock(circle);
                    roster.drop(circle, user, row, "left the community");
                }
            }
        }
    }

    /**
     * An admin added the user to a circle's group in Keycloak: they join the circle as a member when they
     * may (a community member, not banned, the circle active, room left), else they leave the group again.
     */
    public void followGroupJoin(UserModel user, GroupModel group) {
        CircleEntity circle = circleOfGroup(group);
        if (circle == null || session.getAttribute(CircleGroups.WRITING) != null) {
            return;
        }
        CircleMemberEntity row = roster.rowOf(circle, user);
        boolean may = Memberships.isActive(realm, user) && CircleRoles.ACTIVE.equals(circle.getStatus())
                && (row == null || !CircleRoles.BANNED.equals(row.getStatus())) && hasRoom(circle);
        if (may && (row == null || !CircleRoles.ACTIVE.equals(row.getStatus()))) {
            roster.put(circle, user, row, CircleRoles.ACTIVE, CircleRoles.MEMBER, null);
        } else if (!may) {
            roster.groups().leave(circle, user);
        }
    }

    /** An admin removed the user from a circle's group in Keycloak: they leave the circle. */
    public void followGroupLeave(UserModel user, GroupModel group) {
        CircleEntity circle = circleOfGroup(group);
        if (circle == null || session.getAttribute(CircleGroups.WRITING) != null) {
            return;
        }
        CircleMemberEntity row = roster.rowOf(circle, user);
        if (row != null && CircleRoles.ACTIVE.equals(row.getStatus())) {
            roster.drop(circle, user, row, "removed");
        }
    }

    private CircleEntity circleOfGroup(GroupModel group) {
        String slug = CircleGroups.circleOf(group);
        CircleEntity circle = slug == null ? null : roster.store().bySlug(realm.getId(), slug);
        return circle != null && group.getId().equals(circle.getGroupId()) ? circle : null;
    }

    void requireRoom(CircleEntity circle) {
        if (!hasRoom(circle)) {
            throw CommunityError.conflict("circle_full", "The circle has as many members as it may have");
        }
    }

    private boolean hasRoom(CircleEntity circle) {
        Integer limit = circle.getMaxMembers() != null ? circle.getMaxMembers()
                : CircleSettings.read(realm).maxMembersPerCircle();
        return limit == null || circle.getMemberCount() < limit;
    }

    /** A row after an operation, and whether the operation changed anything. */
    record Change(CircleMemberEntity row, boolean changed) {
    }
}
