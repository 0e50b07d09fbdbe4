package io.kccommunity.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class WebhookSettingsTest {

    /** A server configuration holding {@code values} only. */
    private static Config.Scope scope(Map<String, String> values) {
        return new Config.SystemPropertiesScope("") {
            @Override
            public String get(String key) {
                return values.get(key);
            }
        };
    }

    @Test
    void byDefaultEightAttemptsOverMoreThanADayAsStandardWebhooksSchedulesThem() {
        WebhookSettings settings = WebhookSettings.from(scope(Map.of()));
        assertEquals(8, settings.maxAttempts());
        long total = settings.retryScheduleMillis().stream().mapToLong(Long::longValue).sum();
        assertEquals((5 + 300 + 1800 + 7200 + 18000 + 36000 + 36000) * 1000L, total);
        assertTrue(total >= 24 * 3_600_000L, "retried for at least 24 hours");
        assertEquals(5000, settings.retryDelayMillis(1));
        assertEquals(36_000_000, settings.retryDelayMillis(7));
        assertEquals(Set.of(), settings.allowedHosts());
        assertTrue(settings.leaseMillis() >= 2 * settings.timeoutMillis(), "a lease outlives an attempt");
    }

    @Test
    void optionsAreReadAndBounded() {
        WebhookSettings settings = WebhookSettings.from(scope(Map.of("webhookAllowedHosts", " Hooks.Internal ,127.0.0.1,",
                "webhookRetrySchedule", "1, 2,0", "webhookTimeout", "9999", "webhookLease", "1", "webhookPollInterval", "0")));
        assertEquals(Set.of("hooks.internal", "127.0.0.1"), settings.allowedHosts());
        assertEquals(List.of(1000L, 2000L, 1000L), settings.retryScheduleMillis());
        assertEquals(120_000, settings.timeoutMillis());
        assertEquals(240_000, settings.leaseMillis());
        assertEquals(1000, settings.pollMillis());
    }
}
