package io.kccommunity.reputation;

/**
 * One event an app sends: the member by {@code userId} or {@code handle}, the event type, the points
 * when the type allows a range, a reason, and the idempotency {@code key}.
 */
public record EventRequest(String userId, String handle, String type, Integer points, String reason, String key) {
}
