package io.kccommunity.advocacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How holdings, history, progress and the sweep log read in the API. Times are ISO-8601 instants. */
public final class RoleViews {

    private RoleViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Held(String role, String realmRole, String source, String since, String expiresAt) {
        static Held of(RoleHoldingEntity h, AdvocacyRules rules) {
            return new Held(h.getRole(), rules.role(h.getRole()).realmRole(), h.getSource(), iso(h.getSince()),
                    iso(h.getExpiresAt()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(String role, String action, String source, String actor, String reason, String expiresAt,
                         String at) {
        static Change of(RoleHistoryEntity h) {
            return new Change(h.getRole(), h.getAction(), h.getSource(), h.getActor(), h.getReason(),
                    iso(h.getExpiresAt()), iso(h.getOccurredAt()));
        }
    }

    /** One node's timed sweep of a realm, as the sweep log keeps it (see {@link SweepRunEntity}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sweep(String startedAt, String updatedAt, String finishedAt, String node, int granted, int revoked,
                        boolean resumed) {
        static Sweep of(SweepRunEntity r) {
            return new Sweep(iso(r.getStartedAt()), iso(r.getUpdatedAt()), iso(r.getFinishedAt()), r.getNode(), r.getGranted(),
                    r.getRevoked(), r.isResumed());
        }
    }

    /** A member's roles: held now, and where they stand on the others. */
    public record Standing(List<Held> roles, Map<String, List<Conditions.Condition>> progress) {
    }

    static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    public static Standing standing(Advocacy advocacy, org.keycloak.models.UserModel user,
                                    io.kccommunity.membership.MemberEntity member) {
        // a role given or taken in Keycloak by a path no event reports (a group's or composite's roles) shows here
        RoleMappingSync.follow(advocacy, user);
        List<Held> held = advocacy.holdings(user).values().stream().map(h -> Held.of(h, advocacy.rules())).toList();
        return new Standing(held, advocacy.progress(user, member));
    }
}
