package io.kccommunity.reputation;

/**
 * One event an app sends: the member by {@code userId} or {@code handle}, the event type, the points
 * when the type allows a range, a reason, the idempotency {@code key}, and optionally the {@code circle}
 * (slug) it was earned in, which the member must be an active member of.
 */
public record EventRequest(String userId, String handle, String type, Integer points, String reason, String key,
                           String circle) {
}
