package io.kccommunity.reputation;

import static io.kccommunity.reputation.ReputationRules.ADJUSTMENT;
import static io.kccommunity.reputation.ReputationRules.BUILT_IN_TYPES;
import static io.kccommunity.reputation.ReputationRules.MAX_POINTS;
import static io.kccommunity.reputation.ReputationRules.RULE_KINDS;
import static io.kccommunity.reputation.ReputationRules.TIERS;

import io.kccommunity.reputation.ReputationRules.Badge;
import io.kccommunity.reputation.ReputationRules.EventType;
import io.kccommunity.reputation.ReputationRules.Level;
import io.kccommunity.reputation.ReputationRules.Rule;
import io.kccommunity.support.LocalizedNames;
import io.kccommunity.support.Text;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a whole rules document before anything is saved: one 400 naming the first bad field. */
final class RulesValidation {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private RulesValidation() {
    }

    static ReputationRules validated(ReputationRules rules) {
        if (rules.eventTypes().size() > 100) {
            throw Text.invalid("eventTypes", "must hold at most 100 types");
        }
        Map<String, EventType> types = new LinkedHashMap<>();
        rules.eventTypes().forEach((name, type) -> {
            slug("eventTypes", name);
            if (BUILT_IN_TYPES.contains(name) || ADJUSTMENT.equals(name)) {
                throw Text.invalid("eventTypes", "must not redefine the built-in type '" + name + "'");
            }
            if (type == null || type.points() == null) {
                throw Text.invalid("eventTypes", "'" + name + "' needs points");
            }
            points("eventTypes", type.points());
            if (type.min() != null || type.max() != null) {
                int low = type.min() == null ? type.points() : type.min();
                int high = type.max() == null ? type.points() : type.max();
                points("eventTypes", low);
                points("eventTypes", high);
                if (low > type.points() || type.points() > high) {
                    throw Text.invalid("eventTypes", "'" + name + "' needs min <= points <= max");
                }
            }
            LocalizedNames.checked("eventTypes", "eventTypes." + name + ".names", type.names());
            types.put(name, type);
        });
        range("dailyCap", rules.dailyCap(), 0, 1_000_000);
        range("floor", rules.floor(), -1_000_000, 1_000_000);
        if (rules.sources().size() > 100) {
            throw Text.invalid("sources", "must name at most 100 apps");
        }
        rules.sources().forEach((client, allowed) -> {
            if (client == null || client.isBlank() || client.length() > 255 || allowed == null) {
                throw Text.invalid("sources", "maps client ids to lists of event types");
            }
            allowed.forEach(t -> {
                if (!types.containsKey(t)) {
                    throw Text.invalid("sources", "names the unknown event type '" + t + "'");
                }
            });
        });
        rules.builtIn().forEach((name, points) -> {
            if (!BUILT_IN_TYPES.contains(name)) {
                throw Text.invalid("builtIn", "knows only join, daily-login and profile-complete");
            }
            range("builtIn", points, 0, 1000);
        });
        validateLevels(rules.levels());
        validateBadges(rules);
        return rules;
    }

    private static void validateLevels(List<Level> levels) {
        if (levels.isEmpty() || levels.size() > 20) {
            throw Text.invalid("levels", "must hold 1 to 20 levels");
        }
        Set<String> names = new HashSet<>();
        Integer previous = null;
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            if (level == null || level.threshold() == null || Text.clean("levels", level.name(), 32) == null) {
                throw Text.invalid("levels", "each needs a name and a threshold");
            }
            if (!names.add(level.name()) || !level.name().equals(level.name().strip())) {
                throw Text.invalid("levels", "names must be unique and trimmed");
            }
            if (previous != null && level.threshold() <= previous) {
                throw Text.invalid("levels", "thresholds must increase");
            }
            LocalizedNames.checked("levels", "levels[" + i + "].names", level.names());
            previous = level.threshold();
        }
    }

    private static void validateBadges(ReputationRules rules) {
        if (rules.badges().size() > 100) {
            throw Text.invalid("badges", "must hold at most 100 badges");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.badges().size(); i++) {
            Badge badge = rules.badges().get(i);
            if (badge == null || badge.rule() == null) {
                throw Text.invalid("badges", "each needs an id, a name, a tier and a rule");
            }
            slug("badges", badge.id());
            if (!ids.add(badge.id())) {
                throw Text.invalid("badges", "ids must be unique");
            }
            if (Text.clean("badges", badge.name(), 64) == null || !TIERS.contains(badge.tier())) {
                throw Text.invalid("badges", "'" + badge.id() + "' needs a name and a tier (bronze, silver or gold)");
            }
            LocalizedNames.checked("badges", "badges[" + i + "].names", badge.names());
            Text.clean("badges", badge.description(), 300);
            Text.clean("badges", badge.icon(), 255);
            Rule rule = badge.rule();
            if (!RULE_KINDS.contains(rule.kind())) {
                throw Text.invalid("badges", "rule kinds are " + String.join(", ", RULE_KINDS));
            }
            boolean counted = rule.kind().equals("total") || rule.kind().equals("event-count") || rule.kind().equals("membership-days");
            if (counted) {
                range("badges", rule.threshold(), 0, 100_000_000);
            }
            if (rule.kind().equals("event-count") && !rules.eventTypes().containsKey(rule.eventType())
                    && !BUILT_IN_TYPES.contains(rule.eventType())) {
                throw Text.invalid("badges", "'" + badge.id() + "' counts an unknown event type");
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
