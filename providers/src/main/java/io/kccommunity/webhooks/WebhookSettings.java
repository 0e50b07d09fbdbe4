package io.kccommunity.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.Config;

/**
 * The server options of webhook delivery, under {@code --spi-events-listener--community--webhook-...}:
 * {@code allowed-hosts} (host names or addresses, exactly as URLs name them, that may be reached over
 * plain http and on loopback or private addresses; none by default), {@code connect-timeout} and
 * {@code timeout} (seconds: to connect, and for a whole attempt), {@code retry-schedule} (seconds
 * between attempts; by default Standard Webhooks' 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: eight
 * attempts over 27 h 35 min), {@code poll-interval} (seconds between each node's looks into the
 * outbox) and {@code lease} (seconds a node holds a message it is sending).
 */
public record WebhookSettings(Set<String> allowedHosts, long connectTimeoutMillis, long timeoutMillis,
                              List<Long> retryScheduleMillis, long pollMillis, long leaseMillis) {

    static final List<Long> STANDARD_SCHEDULE_SECONDS = List.of(5L, 300L, 1800L, 7200L, 18000L, 36000L, 36000L);

    public static WebhookSettings from(Config.Scope config) {
        Set<String> hosts = Arrays.stream(config.get("webhookAllowedHosts", "").split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        String schedule = config.get("webhookRetrySchedule", "");
        List<Long> retries = (schedule.isBlank() ? STANDARD_SCHEDULE_SECONDS
                : Arrays.stream(schedule.split(",")).map(String::strip).map(Long::parseLong).toList())
                .stream().map(s -> Math.max(1, s) * 1000).toList();
        long connect = seconds(config, "webhookConnectTimeout", 5, 1, 60);
        long timeout = Math.max(connect, seconds(config, "webhookTimeout", 15, 1, 120));
        return new WebhookSettings(hosts, connect, timeout, retries, seconds(config, "webhookPollInterval", 5, 1, 3600),
                Math.max(2 * timeout, seconds(config, "webhookLease", 60, 1, 3600)));
    }

    /** Attempts in all: the first and one per entry of the schedule. */
    int maxAttempts() {
        return retryScheduleMillis.size() + 1;
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    long retryDelayMillis(int attempt) {
        return retryScheduleMillis.get(Math.min(attempt, retryScheduleMillis.size()) - 1);
    }

    private static long seconds(Config.Scope config, String key, long fallback, long min, long max) {
        return Math.min(max, Math.max(min, config.getLong(key, fallback))) * 1000;
    }
}
