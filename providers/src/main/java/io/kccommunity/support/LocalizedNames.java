package io.kccommunity.support;

import io.kccommunity.web.CommunityError;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The per-language names of an item an admin defines (a level, a badge, an event type, a topic):
 * {@code {"en": "Newcomer", "pl": "Nowicjusz"}}, checked when stored and resolved for a reader's
 * languages. Pure: no Keycloak session, so it is tested in milliseconds.
 */
public final class LocalizedNames {

    /** A name is a label, not a description. */
    public static final int MAX_NAME = 64;
    public static final int MAX_LANGUAGES = 50;
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private LocalizedNames() {
    }

    /**
     * Returns {@code names} when every key is a well-formed BCP 47 tag whose language is an ISO 639-1
     * code ({@code pl}, {@code pt-BR}, {@code sr-Latn}), given once in any letter case, and every value
     * is a non-blank single-line text of at most {@link #MAX_NAME} characters. Otherwise 400
     * {@code invalid_<field>} naming the path, such as {@code levels[1].names.pl}. Null stays null.
     */
    public static Map<String, String> checked(String field, String path, Map<String, String> names) {
        if (names == null) {
            return null;
        }
        if (names.size() > MAX_LANGUAGES) {
            throw invalid(field, path, "must hold at most " + MAX_LANGUAGES + " languages");
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String tag = entry.getKey();
            String at = path + "." + tag;
            if (!isLanguageTag(tag)) {
                throw invalid(field, at, "is not a language tag (such as en, pl or pt-BR)");
            }
            if (!seen.add(tag.toLowerCase(Locale.ROOT))) {
                throw invalid(field, at, "is given twice");
            }
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw invalid(field, at, "must not be empty");
            }
            if (!entry.getValue().equals(entry.getValue().strip())) {
                throw invalid(field, at, "must not start or end with spaces");
            }
            String problem = Text.problem(entry.getValue(), MAX_NAME);
            if (problem != null) {
                throw invalid(field, at, problem);
            }
        }
        return names;
    }

    /** Whether {@code tag} is a well-formed BCP 47 tag for an ISO 639-1 language. */
    public static boolean isLanguageTag(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 35) {
            return false;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            return ISO_LANGUAGES.contains(locale.getLanguage()) && locale.getLanguage().length() == 2;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /**
     * The name for the first of {@code languages} (most wanted first) that {@code names} has: the same
     * tag in any letter case, else a name for the same language with other subtags ({@code pl-PL}
     * for {@code pl}, {@code pl} for {@code pl-PL}). Null when none has a name.
     */
    public static String resolve(Map<String, String> names, List<String> languages) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        Map<String, String> byTag = new LinkedHashMap<>();
        names.forEach((tag, name) -> byTag.putIfAbsent(tag.toLowerCase(Locale.ROOT), name));
        for (String wanted : languages) {
            String tag = wanted.toLowerCase(Locale.ROOT);
            String exact = byTag.get(tag);
            if (exact != null) {
                return exact;
            }
            String language = primary(tag);
            for (Map.Entry<String, String> entry : byTag.entrySet()) {
                if (primary(entry.getKey()).equals(language)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    private static CommunityError invalid(String field, String path, String rule) {
        return CommunityError.badRequest("invalid_" + field, path + " " + rule);
    }
}
