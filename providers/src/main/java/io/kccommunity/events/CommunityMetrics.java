package io.kccommunity.events;

import io.kccommunity.support.Transactions;
import io.micrometer.core.instrument.Metrics;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Counters of community activity in Keycloak's metrics ({@code --metrics-enabled=true}, then
 * {@code /metrics} on the management port): ballots cast, reputation events booked, advocate roles
 * granted. Counted when the transaction commits, so rolled-back writes never count. Without
 * metrics enabled Micrometer's global registry is empty and counting costs nothing.
 */
public final class CommunityMetrics {

    private CommunityMetrics() {
    }

    /** {@code community_ballots_cast_total{realm, ballot="first"|"changed"}} */
    public static void ballotCast(KeycloakSession session, RealmModel realm, boolean first) {
        onCommit(session, () -> Metrics.counter("community.ballots.cast", "realm", realm.getName(),
                "ballot", first ? "first" : "changed").increment());
    }

    /** {@code community_reputation_events_total{realm, source}}: the app's client id, or admin / built-in. */
    public static void reputationEvent(KeycloakSession session, RealmModel realm, String source) {
        onCommit(session, () -> Metrics.counter("community.reputation.events", "realm", realm.getName(), "source", source)
                .increment());
    }

    /** {@code community_role_grants_total{realm, role, source}}: promotions by rule, manual grants, elections. */
    public static void roleGranted(KeycloakSession session, RealmModel realm, String role, String source) {
        onCommit(session, () -> Metrics.counter("community.role.grants", "realm", realm.getName(), "role", role,
                "source", source).increment());
    }

    private static void onCommit(KeycloakSession session, Runnable count) {
        Transactions.afterCommit(session, count);
    }
}
