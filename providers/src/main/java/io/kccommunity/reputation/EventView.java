package io.kccommunity.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A ledger event as apps, members and admins read it; {@code total} is the member's total right after it,
 * {@code typeName} (histories only) the type as the reader reads it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(String id, String userId, String source, String type, String typeName, int points,
                        int requestedPoints, int total, String reason, String key, String createdAt, String reverses,
                        Boolean replayed) {

    static EventView of(ReputationEventEntity e, Boolean replayed) {
        return new EventView(e.getId(), e.getUserId(), e.getSource(), e.getType(), null, e.getPoints(),
                e.getRequestedPoints(), e.getBalance(), e.getReason(), e.getKey(),
                Instant.ofEpochMilli(e.getCreatedAt()).toString(), e.getReverses(), replayed);
    }

    EventView named(String name) {
        return new EventView(id, userId, source, type, name, points, requestedPoints, total, reason, key, createdAt,
                reverses, replayed);
    }

    static EventView of(Ledger.Recorded recorded) {
        return of(recorded.event(), recorded.replayed());
    }
}
