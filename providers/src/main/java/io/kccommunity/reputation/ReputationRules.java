package io.kccommunity.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.support.RealmJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventType(Integer points, Integer min, Integer max, Map<String, String> names) {
        boolean allows(int requested) {
            int low = min == null ? points : min;
            int high = max == null ? points : max;
            return requested >= low && requested <= high;
        }
    }

    /** A level; its {@code name} is its id (in tokens and the API), {@code names} what people read. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Level(String name, Integer threshold, Map<String, String> names) {
    }

    /** A badge; {@code rule.kind} is total, event-count, membership-days, profile-complete or manual. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Badge(String id, String name, Map<String, String> names, String description, String tier, String icon,
                        Rule rule) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String kind, Integer threshold, String eventType) {
    }

    /** The rules a realm starts with: Stack Exchange's cap, Discourse-like levels. */
    public static ReputationRules defaults() {
        Map<String, EventType> types = new LinkedHashMap<>();
        types.put("answer-accepted", type(15, null, null, "answer-accepted"));
        types.put("post-upvoted", type(10, null, null, "post-upvoted"));
        types.put("post-downvoted", type(-2, null, null, "post-downvoted"));
        types.put("helpful-flag", type(2, null, null, "helpful-flag"));
        types.put("bounty", type(50, 1, 500, "bounty"));
        Map<String, Integer> builtIn = new LinkedHashMap<>();
        builtIn.put(JOIN, 1);
        builtIn.put(DAILY_LOGIN, 1);
        builtIn.put(PROFILE_COMPLETE, 5);
        return new ReputationRules(types, 200, 1, Map.of(), builtIn,
                List.of(level("newcomer", 0), level("member", 50), level("regular", 500), level("leader", 2000)),
                List.of(badge("profile-complete", "Introduced", "Completed the community profile", "bronze",
                                new Rule("profile-complete", null, null)),
                        badge("helpful", "Helpful", "Ten answers accepted", "silver",
                                new Rule("event-count", 10, "answer-accepted")),
                        badge("veteran", "Veteran", "A member for a year", "silver",
                                new Rule("membership-days", 365, null)),
                        badge("pillar", "Pillar", "Reached 2000 reputation", "gold",
                                new Rule("total", 2000, null))));
    }

    private static EventType type(int points, Integer min, Integer max, String id) {
        return new EventType(points, min, max, ReputationNames.bundled(ReputationNames.EVENT_TYPE, id));
    }

    private static Level level(String id, int threshold) {
        return new Level(id, threshold, ReputationNames.bundled(ReputationNames.LEVEL, id));
    }

    private static Badge badge(String id, String name, String description, String tier, Rule rule) {
        return new Badge(id, name, ReputationNames.bundled(ReputationNames.BADGE, id), description, tier, null, rule);
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
        return RulesValidation.validated(merged);
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
}
