package io.kccommunity.reputation;

import io.kccommunity.support.Bundles;
import io.kccommunity.support.Languages;
import io.kccommunity.support.LocalizedNames;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Levels, badges and event types as one reader reads them, in the first of their languages that has
 * a name. A level or event type without {@code names} takes ours when its id is one of our built-in
 * items (the built-in types {@code join}, {@code daily-login}, ... have only ours); a badge without
 * them takes its {@code name}; the id is the last resort. Tokens and every id field keep the ids.
 */
public final class ReputationNames {

    static final String LEVEL = "communityLevel.";
    static final String BADGE = "communityBadge.";
    static final String EVENT_TYPE = "communityEventType.";

    private final ReputationRules rules;
    private final List<String> languages;

    public ReputationNames(ReputationRules rules, List<String> languages) {
        this.rules = rules;
        this.languages = languages;
    }

    /** For the caller of this request ({@code reader}: a user of {@code realm}, or null for an admin or no token). */
    public static ReputationNames of(KeycloakSession session, RealmModel realm, UserModel reader) {
        return new ReputationNames(ReputationRules.read(realm), Languages.of(session, realm, reader));
    }

    /** The names our bundles give a built-in item ({@code prefix} + id), null when they give none. */
    static Map<String, String> bundled(String prefix, String id) {
        Map<String, String> names = Bundles.names(prefix + id);
        return names.isEmpty() ? null : names;
    }

    public ReputationRules rules() {
        return rules;
    }

    public String level(String id) {
        ReputationRules.Level level = rules.levels().stream().filter(l -> l.name().equals(id)).findFirst().orElse(null);
        return named(level == null ? null : level.names(), LEVEL, id);
    }

    public String badge(ReputationRules.Badge badge) {
        String name = LocalizedNames.resolve(badge.names(), languages);
        return name != null ? name : badge.name() != null ? badge.name() : badge.id();
    }

    public String type(String id) {
        ReputationRules.EventType type = rules.type(id);
        return named(type == null ? null : type.names(), EVENT_TYPE, id);
    }

    private String named(Map<String, String> names, String prefix, String id) {
        String name = LocalizedNames.resolve(names != null ? names : bundled(prefix, id), languages);
        return name == null ? id : name;
    }
}
