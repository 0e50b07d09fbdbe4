package io.kccommunity.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text a person reads exists in all five languages, and no translation is left empty. */
class MessageBundlesTest {

    static final List<String> LANGUAGES = List.of("en", "es", "pl", "bg", "id");
    static final List<String> BUNDLES = List.of("theme-resources/messages/messages_%s.properties");

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

    /** Keycloak formats messages with MessageFormat, where a lone apostrophe swallows what follows. */
    @Test
    void apostrophesAreDoubledForMessageFormat() throws IOException {
        for (String bundle : BUNDLES) {
            for (String language : LANGUAGES) {
                Properties messages = load(bundle, language);
                for (String key : messages.stringPropertyNames()) {
                    String text = messages.getProperty(key).replace("''", "");
                    assertFalse(text.contains("'"), key + " in " + language + " has a single apostrophe");
                }
            }
        }
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
