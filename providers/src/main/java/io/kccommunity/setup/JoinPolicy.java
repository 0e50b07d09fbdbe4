package io.kccommunity.setup;

import java.util.Locale;

/** How a user becomes a member: at once, after an admin's approval, or only when invited. */
public enum JoinPolicy {
    OPEN, APPROVAL, INVITE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an id such as {@code "open"}; null when it names no policy. */
    public static JoinPolicy fromId(String id) {
        for (JoinPolicy policy : values()) {
            if (policy.id().equals(id)) {
                return policy;
            }
        }
        return null;
    }
}
