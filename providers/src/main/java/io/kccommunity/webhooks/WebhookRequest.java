package io.kccommunity.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.support.Text;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an admin sends to create or replace a webhook: {@code url}, {@code events} (types, or
 * {@code ["*"]} for all), an optional {@code description}, and {@code enabled} (left out: true for a new
 * webhook, unchanged for an existing one).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookRequest(String url, List<String> events, String description, Boolean enabled) {

    static final int MAX_EVENTS = 50;

    /** Validates and writes the fields into {@code webhook}; 400 naming the field. */
    void applyTo(WebhookEntity webhook, WebhookTargets targets) {
        String cleanUrl = Text.clean("url", url, WebhookTargets.MAX_URL);
        if (cleanUrl == null) {
            throw Text.invalid("url", "is required");
        }
        String problem = targets.problem(cleanUrl);
        if (problem != null) {
            throw Text.invalid("url", problem);
        }
        if (events == null || events.isEmpty() || events.size() > MAX_EVENTS) {
            throw Text.invalid("events", "must list 1 to " + MAX_EVENTS + " event types, or [\"*\"] for all");
        }
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String type = events.get(i);
            if (type == null || !WebhookEvents.isKnown(type)) {
                throw Text.invalid("events", "[" + i + "] must be one of " + String.join(", ", WebhookEvents.TYPES) + " or *");
            }
            types.add(type);
        }
        webhook.setUrl(cleanUrl);
        webhook.setEvents(types.contains(WebhookEvents.ALL) ? WebhookEvents.ALL : String.join(",", types));
        webhook.setDescription(Text.clean("description", description, 500));
        if (enabled != null) {
            webhook.setEnabled(enabled);
            if (enabled) {
                webhook.setDisabledReason(null);
            }
        }
    }
}
