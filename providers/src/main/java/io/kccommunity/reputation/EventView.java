package io.kccommunity.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A ledger event as apps, members and admins read it; {@code total} is the member's total right after it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(String id, String userId, String source, String type, int points, int requestedPoints,
                        int total, String reason, String key, String createdAt, String reverses, Boolean replayed) {

    static EventView of(ReputationEventEntity e, Boolean replayed) {
        return new EventView(e.getId(), e.getUserId(), e.getSource(), e.getType(), e.getPoints(), e.getRequestedPoints(),
                e.getBalance(), e.getReason(), e.getKey(), Instant.ofEpochMilli(e.getCreatedAt()).toString(),
                e.getReverses(), replayed);
    }

    static EventView of(Ledger.Recorded recorded) {
        return of(recorded.event(), recorded.replayed());
    }
}
