package io.kccommunity.membership;

import org.keycloak.models.UserModel;

/** A membership as admins see it: who, and where they stand. */
public record AdminMemberView(String userId, String username, boolean member, String status, String since,
                              String requestedAt, String acceptedCodeOfConductVersion) {

    static AdminMemberView of(MemberEntity entity, UserModel user) {
        MembershipView view = MembershipView.of(entity);
        return new AdminMemberView(user == null ? entity.getUserId() : user.getId(),
                user == null ? null : user.getUsername(), view.member(), view.status(), view.since(),
                view.requestedAt(), view.acceptedCodeOfConductVersion());
    }
}
