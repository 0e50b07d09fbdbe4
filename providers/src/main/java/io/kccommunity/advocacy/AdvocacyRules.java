package io.kccommunity.advocacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.reputation.ReputationRules;
import io.kccommunity.support.RealmJson;
import io.kccommunity.support.SafeRoles;
import io.kccommunity.support.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * A realm's advocate roles: for each of the five short names, the realm role it grants, whether
 * members may list its holders, and its promotion rule (none: granted by hand, or by elections for
 * {@code board-member}). One realm attribute, cached by Keycloak cluster-wide. In an update, a role
 * left out keeps its settings; a role given replaces them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdvocacyRules(Map<String, RoleRule> roles) {

    static final String ATTRIBUTE = "community.advocacy";
    public static final List<String> ROLES = List.of("advocate", "guru", "ambassador", "moderator", "board-member");
    public static final String BOARD = "board-member";
    static final int MAX_DAYS = 3650;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoleRule(String realmRole, Boolean listed, Promotion promotion) {
    }

    /**
     * All conditions must hold for the role to be granted. {@code graceDays}: how long they may stop
     * holding before the role is revoked; {@code grantOnly}: never revoked by the rule.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Promotion(Integer minReputation, String minLevel, List<String> badges, Integer minMembershipDays,
                            EventCount eventCount, Boolean nominated, Integer graceDays, Boolean grantOnly) {

        boolean isGrantOnly() {
            return Boolean.TRUE.equals(grantOnly);
        }

        int grace() {
            return graceDays == null ? 0 : graceDays;
        }
    }

    /** At least {@code count} events of {@code type} in the last {@code days} days. */
    public record EventCount(String type, Integer count, Integer days) {
    }

    public static AdvocacyRules defaults() {
        Map<String, RoleRule> roles = new LinkedHashMap<>();
        roles.put("advocate", new RoleRule("community-advocate", false,
                new Promotion(1000, null, null, 30, null, null, 14, null)));
        roles.put("guru", new RoleRule("community-guru", true,
                new Promotion(500, null, null, null, new EventCount("answer-accepted", 10, 30), null, 30, null)));
        roles.put("ambassador", new RoleRule("community-ambassador", true,
                new Promotion(200, null, null, null, null, true, null, true)));
        roles.put("moderator", new RoleRule("community-moderator", true, null));
        roles.put(BOARD, new RoleRule("community-board-member", true, null));
        return new AdvocacyRules(roles);
    }

    public static AdvocacyRules read(RealmModel realm) {
        return RealmJson.readShared(realm, ATTRIBUTE, AdvocacyRules.class,
                stored -> stored == null ? defaults() : stored.over(defaults()));
    }

    public void write(RealmModel realm) {
        RealmJson.write(realm, ATTRIBUTE, this);
    }

    /** This update over {@code current}, unvalidated (see {@link #validate}). */
    public AdvocacyRules over(AdvocacyRules current) {
        Map<String, RoleRule> merged = new LinkedHashMap<>(current.roles);
        if (roles != null) {
            roles.forEach((name, rule) -> {
                if (!ROLES.contains(name)) {
                    throw Text.invalid("roles", "knows only " + String.join(", ", ROLES) + ", not '" + name + "'");
                }
                RoleRule old = current.roles.get(name);
                merged.put(name, rule == null ? old : new RoleRule(
                        rule.realmRole == null ? old.realmRole : rule.realmRole,
                        rule.listed == null ? old.listed : rule.listed,
                        rule.promotion));
            });
        }
        return new AdvocacyRules(merged);
    }

    public RoleRule role(String name) {
        return roles.get(name);
    }

    /** The realm role an advocate role maps to, or null. */
    public RoleModel realmRole(RealmModel realm, String name) {
        RoleRule rule = roles.get(name);
        return rule == null || rule.realmRole == null ? null : realm.getRole(rule.realmRole);
    }

    /** Refuses rules that could never be met or name what does not exist; 400 naming the role. */
    public AdvocacyRules validate(RealmModel realm, ReputationRules reputation) {
        roles.forEach((name, rule) -> {
            String at = "'" + name + "' ";
            if (rule.realmRole == null || rule.realmRole.isBlank() || realm.getRole(rule.realmRole) == null) {
                throw Text.invalid("roles", at + "needs an existing realm role");
            }
            if (!SafeRoles.isSafe(realm.getRole(rule.realmRole))) {
                throw Text.invalid("roles", at + "needs a realm role that is not composite (a composite role can carry admin roles)");
            }
            Promotion p = rule.promotion;
            if (p == null) {
                return;
            }
            if (BOARD.equals(name)) {
                throw Text.invalid("roles", at + "is granted by elections only and takes no promotion rule");
            }
            if (p.minReputation == null && p.minLevel == null && (p.badges == null || p.badges.isEmpty())
                    && p.minMembershipDays == null && p.eventCount == null && !Boolean.TRUE.equals(p.nominated)) {
                throw Text.invalid("roles", at + "promotion needs at least one condition");
            }
            range(at + "minReputation", p.minReputation, -1_000_000, 100_000_000);
            range(at + "minMembershipDays", p.minMembershipDays, 0, MAX_DAYS);
            range(at + "graceDays", p.graceDays, 0, MAX_DAYS);
            if (p.minLevel != null && reputation.levels().stream().noneMatch(l -> l.name().equals(p.minLevel))) {
                throw Text.invalid("roles", at + "minLevel names no level of the reputation rules");
            }
            if (p.badges != null && p.badges.stream().anyMatch(b -> reputation.badge(b) == null)) {
                throw Text.invalid("roles", at + "badges names a badge the reputation rules do not define");
            }
            if (p.eventCount != null) {
                EventCount c = p.eventCount;
                if (c.type == null || (reputation.type(c.type) == null && !ReputationRules.isBuiltInType(c.type))) {
                    throw Text.invalid("roles", at + "eventCount names an unknown event type");
                }
                range(at + "eventCount.count", c.count, 1, 1_000_000);
                if (c.count == null || c.days == null) {
                    throw Text.invalid("roles", at + "eventCount needs type, count and days");
                }
                range(at + "eventCount.days", c.days, 1, MAX_DAYS);
            }
        });
        return this;
    }

    private static void range(String field, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw Text.invalid("roles", field + " must be a whole number from " + min + " to " + max);
        }
    }
}
