package io.kccommunity.membership;

import java.util.Locale;

/** Where a user stands with the community. Only {@code ACTIVE} holds the member role. */
public enum MembershipStatus {
    INVITED, PENDING, ACTIVE, REJECTED, LEFT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MembershipStatus fromId(String id) {
        for (MembershipStatus status : values()) {
            if (status.id().equals(id)) {
                return status;
            }
        }
        return null;
    }
}
