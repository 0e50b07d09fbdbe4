package io.kccommunity.setup;

import io.kccommunity.support.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the join card tells people about the community, per language ({@code en}, {@code pt-BR} ...):
 * a description, and a short list of what members get. Shown to members and to users who may join.
 */
public record CommunityPitch(Map<String, String> description, Map<String, List<String>> benefits) {

    static final int MAX_LANGUAGES = 10;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_BENEFITS = 8;
    static final int MAX_BENEFIT = 120;
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

    public static final CommunityPitch NONE = new CommunityPitch(Map.of(), Map.of());

    /** Unmodifiable and sorted by language: instances are shared between threads (see {@code RealmJson}). */
    public CommunityPitch {
        description = Collections.unmodifiableMap(new TreeMap<>(description == null ? Map.of() : description));
        TreeMap<String, List<String>> lists = new TreeMap<>();
        (benefits == null ? Map.<String, List<String>>of() : benefits).forEach((locale, items) -> lists.put(locale,
                items == null ? List.of() : items.stream().filter(Objects::nonNull).toList()));
        benefits = Collections.unmodifiableMap(lists);
    }

    /**
     * This pitch with the parts given replaced (null: kept), each validated: throws a 400 naming the
     * field. Blank texts and benefits are dropped, and so is a language left with nothing.
     */
    CommunityPitch with(Map<String, String> newDescription, Map<String, List<String>> newBenefits) {
        return new CommunityPitch(newDescription == null ? description : validDescription(newDescription),
                newBenefits == null ? benefits : validBenefits(newBenefits));
    }

    /** A description per language, checked (up to 10 languages, each at most 1,000 characters); empty texts dropped. */
    public static Map<String, String> validDescription(Map<String, String> value) {
        checkLanguages("description", value.keySet());
        Map<String, String> clean = new TreeMap<>();
        value.forEach((locale, text) -> {
            String kept = Text.paragraphs("description", text, MAX_DESCRIPTION);
            if (kept != null) {
                clean.put(locale, kept);
            }
        });
        return clean;
    }

    private static Map<String, List<String>> validBenefits(Map<String, List<String>> value) {
        checkLanguages("benefits", value.keySet());
        Map<String, List<String>> clean = new TreeMap<>();
        value.forEach((locale, items) -> {
            List<String> kept = new ArrayList<>();
            for (String item : items == null ? List.<String>of() : items) {
                String text = Text.clean("benefits", item, MAX_BENEFIT);
                if (text != null) {
                    kept.add(text);
                }
            }
            if (kept.size() > MAX_BENEFITS) {
                throw Text.invalid("benefits", "lists at most " + MAX_BENEFITS + " benefits per language");
            }
            if (!kept.isEmpty()) {
                clean.put(locale, kept);
            }
        });
        return clean;
    }

    private static void checkLanguages(String field, Set<String> locales) {
        if (locales.size() > MAX_LANGUAGES || locales.stream().anyMatch(l -> !LOCALE.matcher(l).matches())) {
            throw Text.invalid(field, "maps up to " + MAX_LANGUAGES + " languages (en, pl, pt-BR ...) to texts");
        }
    }
}
