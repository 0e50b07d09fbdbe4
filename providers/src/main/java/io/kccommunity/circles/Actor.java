package io.kccommunity.circles;

import org.keycloak.models.UserModel;

/** Who acts on a circle: a user of the realm, through their token, or an admin, through the admin API. */
record Actor(UserModel user, String adminId) {

    static Actor member(UserModel user) {
        return new Actor(user, null);
    }

    static Actor admin(String adminId) {
        return new Actor(null, adminId);
    }

    boolean isAdmin() {
        return adminId != null;
    }

    /** The id recorded as who did it. */
    String id() {
        return isAdmin() ? adminId : user.getId();
    }
}
