package io.kccommunity.webhooks;

import java.util.List;
import java.util.Set;

/**
 * The event types a webhook can subscribe to, dot-separated as Standard Webhooks suggests. Each
 * message's {@code data} carries ids and handles only, never an email address or a private profile
 * field (the OpenAPI document's {@code webhooks} give each schema).
 */
public final class WebhookEvents {

    public static final String ALL = "*";

    public static final String MEMBERSHIP_REQUESTED = "membership.requested";
    public static final String MEMBERSHIP_JOINED = "membership.joined";
    public static final String MEMBERSHIP_APPROVED = "membership.approved";
    public static final String MEMBERSHIP_REJECTED = "membership.rejected";
    public static final String MEMBERSHIP_LEFT = "membership.left";
    public static final String MEMBERSHIP_REMOVED = "membership.removed";
    public static final String LEVEL_CHANGED = "reputation.level_changed";
    public static final String BADGE_AWARDED = "reputation.badge_awarded";
    public static final String BADGE_REVOKED = "reputation.badge_revoked";
    public static final String ROLE_GRANTED = "role.granted";
    public static final String ROLE_REVOKED = "role.revoked";
    public static final String ROLE_EXPIRED = "role.expired";
    public static final String ELECTION_PHASE_CHANGED = "election.phase_changed";
    public static final String ELECTION_CERTIFIED = "election.certified";
    public static final String HANDLE_CHANGED = "profile.handle_changed";
    public static final String CIRCLE_CREATED = "circle.created";
    public static final String CIRCLE_APPROVED = "circle.approved";
    public static final String CIRCLE_JOINED = "circle.joined";
    public static final String CIRCLE_LEFT = "circle.left";
    /** Sent only by an admin's {@code POST .../webhooks/{id}/ping}, whatever the webhook subscribes to. */
    public static final String PING = "webhook.ping";

    public static final List<String> TYPES = List.of(MEMBERSHIP_REQUESTED, MEMBERSHIP_JOINED, MEMBERSHIP_APPROVED,
            MEMBERSHIP_REJECTED, MEMBERSHIP_LEFT, MEMBERSHIP_REMOVED, LEVEL_CHANGED, BADGE_AWARDED, BADGE_REVOKED,
            ROLE_GRANTED, ROLE_REVOKED, ROLE_EXPIRED, ELECTION_PHASE_CHANGED, ELECTION_CERTIFIED, HANDLE_CHANGED,
            CIRCLE_CREATED, CIRCLE_APPROVED, CIRCLE_JOINED, CIRCLE_LEFT);

    private WebhookEvents() {
    }

    public static boolean isKnown(String type) {
        return ALL.equals(type) || TYPES.contains(type);
    }

    /** Whether a webhook subscribed to {@code events} (as stored: comma-separated) wants {@code type}. */
    static boolean wants(String events, String type) {
        return PING.equals(type) || Set.of(events.split(",")).contains(ALL) || Set.of(events.split(",")).contains(type);
    }
}
