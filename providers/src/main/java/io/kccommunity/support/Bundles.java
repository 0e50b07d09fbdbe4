package io.kccommunity.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Our message bundles for login pages and emails ({@code theme-resources/messages}), read from the JAR:
 * the source of the texts we install in realms and of the default names of our built-in items.
 */
public final class Bundles {

    /** The languages every bundle of ours speaks. */
    public static final List<String> LANGUAGES = List.of("en", "es", "pl", "bg", "id");
    private static final String MESSAGES = "/theme-resources/messages/messages_%s.properties";
    /** The bundles never change while the server runs: read once. */
    private static final Map<String, Properties> LOADED = load();

    private Bundles() {
    }

    /** The bundle of one of {@link #LANGUAGES} (empty for any other). The result must not be changed. */
    public static Properties messages(String language) {
        return LOADED.getOrDefault(language, new Properties());
    }

    /**
     * {@code key} in every language that has it, as a person reads it: MessageFormat's doubled
     * apostrophe undone (these texts are shown as they are, never formatted).
     */
    public static Map<String, String> names(String key) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String value = messages(language).getProperty(key);
            if (value != null && !value.isBlank()) {
                names.put(language, value.replace("''", "'"));
            }
        }
        return names;
    }

    private static Map<String, Properties> load() {
        Map<String, Properties> bundles = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            Properties properties = new Properties();
            try (InputStream in = Bundles.class.getResourceAsStream(MESSAGES.formatted(language))) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundles.put(language, properties);
        }
        return bundles;
    }
}
