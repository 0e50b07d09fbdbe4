package io.kccommunity.circles;

import java.util.List;

/** The words of circles: kinds, visibilities, join policies, statuses, and the roles in a circle. */
final class CircleRoles {

    static final String ORGANIC = "organic";
    static final String SPONSORED = "sponsored";

    static final String PUBLIC = "public";
    static final String MEMBERS = "members";
    static final String SECRET = "secret";
    static final List<String> VISIBILITIES = List.of(PUBLIC, MEMBERS, SECRET);

    static final String OPEN = "open";
    static final String REQUEST = "request";
    static final String INVITE = "invite";
    static final List<String> JOIN_POLICIES = List.of(OPEN, REQUEST, INVITE);

    /** A circle's status. */
    static final String PENDING = "pending";
    static final String ARCHIVED = "archived";

    /** A row's status (and {@code ACTIVE} a circle's too). */
    static final String ACTIVE = "active";
    static final String REQUESTED = "requested";
    static final String INVITED = "invited";
    static final String BANNED = "banned";

    static final String OWNER = "owner";
    static final String MODERATOR = "moderator";
    static final String STAFF = "staff";
    static final String RECOGNIZED = "recognized";
    static final String MEMBER = "member";
    static final List<String> ROLES = List.of(OWNER, MODERATOR, STAFF, RECOGNIZED, MEMBER);

    private CircleRoles() {
    }

    /** Owners and moderators run a circle: requests, invitations, removals, bans. */
    static boolean moderates(String role) {
        return OWNER.equals(role) || MODERATOR.equals(role);
    }
}
