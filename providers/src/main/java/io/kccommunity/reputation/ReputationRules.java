package io.kccommunity.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.support.RealmJson;
import io.kccommunity.support.Text;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.models.RealmModel;

/**
 * A realm's reputation rules: points per event type, the daily cap, the floor, which app may send
 * which types, the built-in sources, levels and badges. Kept as one realm attribute, which Keycloak
 * caches and invalidates cluster-wide. In an update, a field left out keeps its current value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReputationRules(Map<String, EventType> eventTypes, Integer dailyCap, Integer floor,
                              Map<String, List<String>> sources, Map<String, Integer> builtIn, List<Level> levels,
                              List<Badge> badges) {

    static final String ATTRIBUTE = "community.reputation";
    public static final String JOIN = "join";
    public static final String DAILY_LOGIN = "daily-login";
    public static final String PROFILE_COMPLETE = "profile-complete";
    public static final String ADJUSTMENT = "adjustment";
    static final Set<String> BUILT_IN_TYPES = Set.of(JOIN, DAILY_LOGIN, PROFILE_COMPLETE);
    /** No single event moves a total by more than this. */
    public static final int MAX_POINTS = 100_000;
    static final Set<String> TIERS = Set.of("bronze", "silver", "gold");
    static final Set<String> RULE_KINDS = Set.of("total", "event-count", "membership-days", "profile-complete", "manual");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventType(Integer points, Integer min, Integer max) {
        boolean allows(int requested) {
            int low = min == null ? points : min;
            int high = max == null ? points : max;
            return requested >= low && requested <= high;
        }
    }

    public record Level(String name, Integer threshold) {
    }

    /** A badge; {@code rule.kind} is total, event-count, membership-days, profile-complete or manual. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Badge(String id, String name, String description, String tier, String icon, Rule rule) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String kind, Integer threshold, String eventType) {
    }

    /** The rules a realm starts with: Stack Exchange's cap, Discourse-like levels. */
    public static ReputationRules defaults() {
        Map<String, EventType> types = new LinkedHashMap<>();
        types.put("answer-accepted", new EventType(15, null, null));
        types.put("post-upvoted", new EventType(10, null, null));
        types.put("post-downvoted", new EventType(-2, null, null));
        types.put("helpful-flag", new EventType(2, null, null));
        types.put("bounty", new EventType(50, 1, 500));
        Map<String, Integer> builtIn = new LinkedHashMap<>();
        builtIn.put(JOIN, 1);
        builtIn.put(DAILY_LOGIN, 1);
        builtIn.put(PROFILE_COMPLETE, 5);
        return new ReputationRules(types, 200, 1, Map.of(), builtIn,
                List.of(new Level("newcomer", 0), new Level("member", 50), new Level("regular", 500),
                        new Level("leader", 2000)),
                List.of(new Badge("profile-complete", "Introduced", "Completed the community profile", "bronze", null,
                                new Rule("profile-complete", null, null)),
                        new Badge("helpful", "Helpful", "Ten answers accepted", "silver", null,
                                new Rule("event-count", 10, "answer-accepted")),
                        new Badge("veteran", "Veteran", "A member for a year", "silver", null,
                                new Rule("membership-days", 365, null)),
                        new Badge("pillar", "Pillar", "Reached 2000 reputation", "gold", null,
                                new Rule("total", 2000, null))));
    }

    /** The realm's rules: what is stored over the defaults (so fields added later get their default). */
    public static ReputationRules read(RealmModel realm) {
        return RealmJson.readShared(realm, ATTRIBUTE, ReputationRules.class,
                stored -> stored == null ? defaults() : stored.over(defaults()));
    }

    public void write(RealmModel realm) {
        RealmJson.write(realm, ATTRIBUTE, this);
    }

    /** This update over {@code current}: fields left out keep their value. Validates the result. */
    public ReputationRules over(ReputationRules current) {
        ReputationRules merged = new ReputationRules(
                eventTypes == null ? current.eventTypes : eventTypes,
                dailyCap == null ? current.dailyCap : dailyCap,
                floor == null ? current.floor : floor,
                sources == null ? current.sources : sources,
                builtIn == null ? current.builtIn : builtIn,
                levels == null ? current.levels : levels,
                badges == null ? current.badges : badges);
        return merged.validated();
    }

    /** 0 means no cap. */
    public int cap() {
        return dailyCap;
    }

    /**
     * The points that count of {@code requested}: positive points only up to what is left of the
     * daily cap (when {@code capped}), negative points only down to the floor (never raising a total
     * already below it).
     */
    public int applicable(int requested, int pointsToday, int total, boolean capped) {
        if (requested > 0) {
            int room = !capped || dailyCap == 0 ? requested : Math.max(0, dailyCap - pointsToday);
            return Math.min(requested, room);
        }
        return Math.max(requested, Math.min(0, floor - total));
    }

    public EventType type(String name) {
        return eventTypes.get(name);
    }

    public boolean allows(String source, String type) {
        List<String> allowed = sources.get(source);
        return allowed == null || allowed.contains(type);
    }

    public static boolean isBuiltInType(String type) {
        return BUILT_IN_TYPES.contains(type);
    }

    public int builtInPoints(String type) {
        return builtIn.getOrDefault(type, 0);
    }

    public Level levelOf(int total) {
        Level level = levels.get(0);
        for (Level candidate : levels) {
            if (candidate.threshold <= total) {
                level = candidate;
            }
        }
        return level;
    }

    /** The first level above {@code total}, or null at the top. */
    public Level nextLevel(int total) {
        return levels.stream().filter(l -> l.threshold > total).findFirst().orElse(null);
    }

    public Badge badge(String id) {
        return badges.stream().filter(b -> b.id.equals(id)).findFirst().orElse(null);
    }

    private ReputationRules validated() {
        if (eventTypes.size() > 100) {
            throw Text.invalid("eventTypes", "must hold at most 100 types");
        }
        Map<String, EventType> types = new LinkedHashMap<>();
        eventTypes.forEach((name, type) -> {
            slug("eventTypes", name);
            if (BUILT_IN_TYPES.contains(name) || ADJUSTMENT.equals(name)) {
                throw Text.invalid("eventTypes", "must not redefine the built-in type '" + name + "'");
            }
            if (type == null || type.points == null) {
                throw Text.invalid("eventTypes", "'" + name + "' needs points");
            }
            points("eventTypes", type.points);
            if (type.min != null || type.max != null) {
                int low = type.min == null ? type.points : type.min;
                int high = type.max == null ? type.points : type.max;
                points("eventTypes", low);
                points("eventTypes", high);
                if (low > type.points || type.points > high) {
                    throw Text.invalid("eventTypes", "'" + name + "' needs min <= points <= max");
                }
            }
            types.put(name, type);
        });
        range("dailyCap", dailyCap, 0, 1_000_000);
        range("floor", floor, -1_000_000, 1_000_000);
        if (sources.size() > 100) {
            throw Text.invalid("sources", "must name at most 100 apps");
        }
        sources.forEach((client, allowed) -> {
            if (client == null || client.isBlank() || client.length() > 255 || allowed == null) {
                throw Text.invalid("sources", "maps client ids to lists of event types");
            }
            allowed.forEach(t -> {
                if (!types.containsKey(t)) {
                    throw Text.invalid("sources", "names the unknown event type '" + t + "'");
                }
            });
        });
        builtIn.forEach((name, points) -> {
            if (!BUILT_IN_TYPES.contains(name)) {
                throw Text.invalid("builtIn", "knows only join, daily-login and profile-complete");
            }
            range("builtIn", points, 0, 1000);
        });
        validateLevels();
        validateBadges();
        return this;
    }

    private void validateLevels() {
        if (levels.isEmpty() || levels.size() > 20) {
            throw Text.invalid("levels", "must hold 1 to 20 levels");
        }
        Set<String> names = new HashSet<>();
        Integer previous = null;
        for (Level level : levels) {
            if (level == null || level.threshold == null || Text.clean("levels", level.name, 32) == null) {
                throw Text.invalid("levels", "each needs a name and a threshold");
            }
            if (!names.add(level.name) || !level.name.equals(level.name.strip())) {
                throw Text.invalid("levels", "names must be unique and trimmed");
            }
            if (previous != null && level.threshold <= previous) {
                throw Text.invalid("levels", "thresholds must increase");
            }
            previous = level.threshold;
        }
    }

    private void validateBadges() {
        if (badges.size() > 100) {
            throw Text.invalid("badges", "must hold at most 100 badges");
        }
        Set<String> ids = new HashSet<>();
        for (Badge badge : badges) {
            if (badge == null || badge.rule == null) {
                throw Text.invalid("badges", "each needs an id, a name, a tier and a rule");
            }
            slug("badges", badge.id);
            if (!ids.add(badge.id)) {
                throw Text.invalid("badges", "ids must be unique");
            }
            if (Text.clean("badges", badge.name, 64) == null || !TIERS.contains(badge.tier)) {
                throw Text.invalid("badges", "'" + badge.id + "' needs a name and a tier (bronze, silver or gold)");
            }
            Text.clean("badges", badge.description, 300);
            Text.clean("badges", badge.icon, 255);
            Rule rule = badge.rule;
            if (!RULE_KINDS.contains(rule.kind)) {
                throw Text.invalid("badges", "rule kinds are " + String.join(", ", RULE_KINDS));
            }
            boolean counted = rule.kind.equals("total") || rule.kind.equals("event-count") || rule.kind.equals("membership-days");
            if (counted) {
                range("badges", rule.threshold, 0, 100_000_000);
            }
            if (rule.kind.equals("event-count") && !eventTypes.containsKey(rule.eventType)
                    && !BUILT_IN_TYPES.contains(rule.eventType)) {
                throw Text.invalid("badges", "'" + badge.id + "' counts an unknown event type");
            }
        }
    }

    private static void slug(String field, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw Text.invalid(field, "ids are 1-64 of a-z 0-9 . _ - starting with a letter or digit");
        }
    }

    private static void points(String field, int value) {
        range(field, value, -MAX_POINTS, MAX_POINTS);
    }

    private static void range(String field, Integer value, int min, int max) {
        if (value == null || value < min || value > max) {
            throw Text.invalid(field, "must be a whole number from " + min + " to " + max);
        }
    }
}
