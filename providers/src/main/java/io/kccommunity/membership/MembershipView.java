package io.kccommunity.membership;

import java.time.Instant;

/** A membership as members, apps and admins read it. Times are ISO-8601 instants. */
public record MembershipView(boolean member, String status, String since, String requestedAt,
                             String acceptedCodeOfConductVersion) {

    public static final MembershipView NONE = new MembershipView(false, "none", null, null, null);

    public static MembershipView of(MemberEntity entity) {
        if (entity == null) {
            return NONE;
        }
        return new MembershipView(entity.getStatus() == MembershipStatus.ACTIVE, entity.getStatus().id(),
                iso(entity.getJoinedAt()), iso(entity.getRequestedAt()), entity.getCodeOfConductVersion());
    }

    static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
