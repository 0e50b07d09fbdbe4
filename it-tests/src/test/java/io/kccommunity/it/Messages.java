package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;

/**
 * Our texts in one language, read from the theme sources: the shared bundle (login pages and emails,
 * formatted with MessageFormat) and the Account Console's. A key missing in that language fails the test.
 */
record Messages(Properties shared, Properties account) {

    static Messages of(String language) throws Exception {
        Path themes = Path.of(System.getProperty("community.themes", "../themes/src/main/resources"));
        return new Messages(load(themes.resolve("theme-resources/messages/messages_" + language + ".properties")),
                load(themes.resolve("theme/community/account/messages/messages_" + language + ".properties")));
    }

    String shared(String key, Object... args) {
        assertTrue(shared.getProperty(key) != null, key);
        return new MessageFormat(shared.getProperty(key)).format(args);
    }

    String account(String key) {
        String text = account.getProperty(key, shared.getProperty(key));
        assertTrue(text != null, key);
        return text;
    }

    private static Properties load(Path file) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
