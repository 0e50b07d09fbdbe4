package io.kccommunity.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text a person reads exists in all five languages, and no translation is left empty. */
class MessageBundlesTest {

    static final List<String> LANGUAGES = List.of("en", "es", "pl", "bg", "id");
    static final String SHARED = "theme-resources/messages/messages_%s.properties";
    static final String ACCOUNT = "theme/community/account/messages/messages_%s.properties";
    static final List<String> BUNDLES = List.of(SHARED, ACCOUNT);

    /** The values behind the Community page's composed keys (communityStatus.active, ...): the API's vocabulary. */
    static final Map<String, List<String>> COMPOSED_KEYS = Map.ofEntries(
            Map.entry("communityStatus.", List.of("none", "invited", "pending", "active", "rejected", "left")),
            Map.entry("communityPhase.", List.of("nomination", "voting", "closed", "certified", "cancelled")),
            Map.entry("communityMethod.", List.of("plurality", "block", "approval", "irv", "meek-stv", "scottish-stv", "schulze",
                    "referendum")),
            Map.entry("communityRole.", List.of("advocate", "guru", "ambassador", "moderator", "board-member")),
            Map.entry("communitySource.", List.of("rule", "manual", "election")),
            Map.entry("communityCondition.", List.of("reputation", "level", "badges", "membershipDays", "eventCount", "nominated")),
            Map.entry("communityAnswer.", List.of("yes", "no")),
            Map.entry("communityVisibility.", List.of("public", "members", "private")),
            // the Circles page: the API's words for circles and their rows
            Map.entry("communityCircleRole.", List.of("owner", "moderator", "staff", "recognized", "member")),
            Map.entry("communityCircleStatus.", List.of("active", "requested", "invited", "banned")),
            Map.entry("communityCircleState.", List.of("active", "pending", "archived")),
            Map.entry("communityCircleKind.", List.of("organic", "sponsored")),
            Map.entry("communityCircleVisibility.", List.of("public", "members", "secret")),
            Map.entry("communityCircleJoinPolicy.", List.of("open", "request", "invite")),
            Map.entry("communityError.", List.of("already_voted", "invalid_phase", "invalid_ballot", "not_a_member", "invalid_nominee",
                    "too_many_candidates", "receipt_not_found", "already_nominated", "code_of_conduct_not_accepted",
                    "election_not_found", "not_nominated", "insufficient_scope", "community_not_enabled", "already_member",
                    "reputation_too_low", "too_many_circles", "slug_taken", "banned", "invitation_required", "circle_not_active",
                    "circle_full", "last_owner", "not_requested", "already_circle_member", "not_a_circle_member",
                    "circle_not_found", "invalid_slug", "invalid_name", "invalid_description", "invalid_topic", "invalid_reason",
                    "user_not_found")));

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() throws IOException {
        for (String bundle : BUNDLES) {
            Properties english = load(bundle, "en");
            assertFalse(english.isEmpty(), bundle);
            for (String language : LANGUAGES) {
                Properties translated = load(bundle, language);
                assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()),
                        "keys of " + bundle.formatted(language));
                for (String key : translated.stringPropertyNames()) {
                    assertFalse(translated.getProperty(key).isBlank(), key + " in " + language);
                }
            }
        }
    }

    /**
     * Keycloak formats login and email messages with MessageFormat, where a lone apostrophe swallows what
     * follows; the Account Console shows its texts as they are, so there an apostrophe is never doubled.
     */
    @Test
    void apostrophesSuitHowEachBundleIsFormatted() throws IOException {
        for (String language : LANGUAGES) {
            Properties shared = load(SHARED, language);
            for (String key : shared.stringPropertyNames()) {
                assertFalse(shared.getProperty(key).replace("''", "").contains("'"), key + " in " + language + " has a single apostrophe");
            }
            Properties account = load(ACCOUNT, language);
            for (String key : account.stringPropertyNames()) {
                assertFalse(account.getProperty(key).contains("'"), key + " in " + language + " (Account Console) has an apostrophe");
            }
        }
    }

    /** Every key the Community page and our templates ask for is in the bundles, composed keys included. */
    @Test
    void everyKeyTheTextsAskForExists() throws IOException {
        Set<String> known = new TreeSet<>(load(SHARED, "en").stringPropertyNames());
        known.addAll(load(ACCOUNT, "en").stringPropertyNames());
        Set<String> asked = new TreeSet<>();
        Pattern literal = Pattern.compile("[\"`](community[A-Za-z]*)(\\.\\$\\{)?");
        Pattern ftl = Pattern.compile("msg\\(\"(community[A-Za-z.]*)\"");
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("account-ui/src")), Files.walk(Path.of("src/main/resources")))) {
            sources = files.filter(f -> f.toString().matches(".*\\.(jsx|js|ftl)$")).toList();
        }
        assertTrue(sources.size() > 10, "found the sources: " + sources);
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher m = source.toString().endsWith(".ftl") ? ftl.matcher(text) : literal.matcher(text);
            while (m.find()) {
                boolean composed = source.toString().endsWith(".ftl") ? m.group(1).endsWith(".") : m.group(2) != null;
                if (composed) {
                    String prefix = m.group(1).endsWith(".") ? m.group(1) : m.group(1) + ".";
                    assertTrue(COMPOSED_KEYS.containsKey(prefix), "unknown composed key " + prefix + " in " + source);
                    COMPOSED_KEYS.get(prefix).forEach(value -> asked.add(prefix + value));
                } else {
                    asked.add(m.group(1));
                }
            }
        }
        assertTrue(asked.size() > 100, "scanned the keys: " + asked);
        asked.removeAll(known);
        assertEquals(Set.of(), asked, "keys asked for but missing from the English bundles");
    }

    @Test
    void translationsAreNotCopiesOfEnglish() throws IOException {
        for (String bundle : BUNDLES) {
            Properties english = load(bundle, "en");
            for (String language : LANGUAGES.subList(1, LANGUAGES.size())) {
                Properties translated = load(bundle, language);
                long same = english.stringPropertyNames().stream()
                        .filter(k -> english.getProperty(k).equals(translated.getProperty(k))).count();
                assertTrue(same * 2 < english.size(), language + " repeats English in " + same + " of " + english.size());
            }
        }
    }

    private static Properties load(String bundle, String language) throws IOException {
        String path = bundle.formatted(language);
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "missing " + path);
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        }
    }
}
