package io.kccommunity.circles;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.UserModel;

/**
 * Who sees which circle. {@code public}: anyone, without a token too; {@code members}: community
 * members, apps with {@code view-members} and user admins; {@code secret}: its own members (and those
 * invited or asking), user admins and admins; to anyone else a secret circle does not exist (404). A
 * pending circle is seen by its founder and admins only.
 */
record CircleAccess(UserModel user, boolean communityMember, boolean app, boolean userAdmin, boolean admin) {

    static final CircleAccess ANONYMOUS = new CircleAccess(null, false, false, false, false);
    static final CircleAccess ADMIN = new CircleAccess(null, false, false, true, true);

    boolean seesEverything() {
        return admin || userAdmin;
    }

    /** The visibilities this reader sees without belonging to the circle. */
    List<String> visibilities() {
        List<String> seen = new ArrayList<>(List.of(CircleRoles.PUBLIC));
        if (communityMember || app || userAdmin) {
            seen.add(CircleRoles.MEMBERS);
        }
        return seen;
    }

    boolean maySee(CircleEntity circle, CircleMemberEntity row) {
        if (seesEverything()) {
            return true;
        }
        boolean belongs = row != null && !CircleRoles.BANNED.equals(row.getStatus());
        if (CircleRoles.PENDING.equals(circle.getStatus())) {
            return belongs;
        }
        return belongs || visibilities().contains(circle.getVisibility());
    }

    /** Who the circle's members are: whoever sees it, but in a secret circle only its active members. */
    boolean maySeeMembers(CircleEntity circle, CircleMemberEntity row) {
        return maySee(circle, row) && (seesEverything() || !CircleRoles.SECRET.equals(circle.getVisibility())
                || (row != null && CircleRoles.ACTIVE.equals(row.getStatus())));
    }
}
