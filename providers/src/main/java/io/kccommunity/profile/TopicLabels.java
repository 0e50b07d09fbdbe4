package io.kccommunity.profile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

/**
 * Keeps Keycloak's own forms (Account Console, registration, admin console) showing topic names: the
 * {@code interests} attribute's options get the user-profile annotation {@code inputOptionLabels}
 * ({@code ${communityTopic.<id>}}), and the realm's localization texts hold those keys in each
 * language a topic has a name in; texts of topics no longer listed are removed.
 */
final class TopicLabels {

    static final String ATTRIBUTE = "interests";
    static final String LABELS = "inputOptionLabels";

    private TopicLabels() {
    }

    /**
     * {@code setOptions}: the topics become the attribute's options (after a change of topics);
     * otherwise the options the attribute has are only labelled (an upgrade: the options are the admin's).
     */
    static void sync(KeycloakSession session, RealmModel realm, Topics topics, boolean setOptions) {
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        UPConfig config = provider.getConfiguration();
        UPAttribute attribute = config.getAttribute(ATTRIBUTE);
        List<String> options = topics.ids();
        if (attribute != null) {
            Map<String, Map<String, Object>> validations = attribute.getValidations() == null
                    ? new LinkedHashMap<>() : new LinkedHashMap<>(attribute.getValidations());
            if (setOptions || !validations.containsKey("options")) {
                validations.put("options", Map.of("options", options));
            } else {
                options = optionsOf(validations.get("options"), options);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            for (String option : options) {
                if (topics.names(option) != null) {
                    labels.put(option, "${" + Topics.KEY + option + "}");
                }
            }
            Map<String, Object> annotations = attribute.getAnnotations() == null
                    ? new LinkedHashMap<>() : new LinkedHashMap<>(attribute.getAnnotations());
            annotations.put(LABELS, labels);
            attribute.setValidations(validations);
            attribute.setAnnotations(annotations);
            provider.setConfiguration(config);
        }
        saveTexts(session, realm, topics, options);
    }

    private static List<String> optionsOf(Map<String, Object> validator, List<String> fallback) {
        Object options = validator == null ? null : validator.get("options");
        return options instanceof List<?> list ? list.stream().map(String::valueOf).toList() : fallback;
    }

    private static void saveTexts(KeycloakSession session, RealmModel realm, Topics topics, List<String> options) {
        Map<String, Map<String, String>> wanted = new HashMap<>();
        for (String option : options) {
            Map<String, String> names = topics.names(option);
            if (names != null) {
                names.forEach((language, name) -> wanted.computeIfAbsent(language, l -> new HashMap<>())
                        .put(Topics.KEY + option, name));
            }
        }
        Set<String> locales = new TreeSet<>(realm.getRealmLocalizationTexts().keySet());
        locales.addAll(wanted.keySet());
        for (String locale : locales) {
            // a copy: the realm's map follows the deletions below
            Map<String, String> existing = new HashMap<>(realm.getRealmLocalizationTextsByLocale(locale));
            Map<String, String> texts = wanted.getOrDefault(locale, Map.of());
            for (String key : existing.keySet()) {
                if (key.startsWith(Topics.KEY) && !texts.containsKey(key)) {
                    session.realms().deleteLocalizationText(realm, locale, key);
                }
            }
            texts.forEach((key, text) -> {
                if (!existing.containsKey(key)) {
                    session.realms().saveLocalizationText(realm, locale, key, text);
                } else if (!text.equals(existing.get(key))) {
                    session.realms().updateLocalizationText(realm, locale, key, text);
                }
            });
        }
    }
}
