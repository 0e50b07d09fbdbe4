package io.kccommunity.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A webhook as admins read it: never its secret, which only creation and rotation return. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(String id, String url, List<String> events, String description, boolean enabled,
                          String createdAt, String failingSince, String disabledReason, long pendingMessages,
                          String secret) {

    static WebhookView of(WebhookEntity webhook, long pending, String secret) {
        return new WebhookView(webhook.getId(), webhook.getUrl(), List.of(webhook.getEvents().split(",")),
                webhook.getDescription(), webhook.isEnabled(), time(webhook.getCreatedAt()), time(webhook.getFailingSince()),
                webhook.getDisabledReason(), pending, secret);
    }

    /** One line of the delivery log. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(String messageId, String type, int attempt, String at, Integer status, String outcome,
                          String error, Long durationMillis) {
        static Attempt of(AttemptEntity line) {
            return new Attempt(line.getMessageId(), line.getType(), line.getAttempt(), time(line.getAttemptedAt()),
                    line.getStatus(), line.getOutcome(), line.getError(), line.getDurationMillis());
        }
    }

    /** A new secret: shown once. The previous one still signs (as a second signature) until {@code previousSecretValidUntil}. */
    public record Rotated(String id, String secret, String previousSecretValidUntil) {
    }

    static String time(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
