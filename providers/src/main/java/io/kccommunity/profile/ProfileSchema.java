package io.kccommunity.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import io.kccommunity.setup.RequiredActions;
import io.kccommunity.support.Bundles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPGroup;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.util.JsonSerialization;

/**
 * Adds the community profile fields ({@code META-INF/community/user-profile.json}) to the realm's
 * declarative user profile, and their labels and messages, in five languages, to the realm's
 * localization texts (which the Account Console reads), and registers the "complete your community
 * profile" required action. Runs once per schema version, adding only the fields that version
 * introduced: afterwards the fields belong to the admin, whose changes and removals are never undone.
 */
public final class ProfileSchema {

    /** 3: topic names (the interests' option labels and their texts); 4: the circles mirror. */
    static final String VERSION = "4";
    /** The schema version that introduced an attribute (1 unless listed): only newer ones are added on upgrade. */
    private static final Map<String, Integer> INTRODUCED = Map.of("reputation", 2, "badges", 2, "circles", 4);
    static final String VERSION_ATTRIBUTE = "community.profileSchema";
    private static final String SCHEMA = "/META-INF/community/user-profile.json";
    /** Names of items an admin defines: read from the rules and topics, not from realm texts (topics: {@link TopicLabels}). */
    private static final List<String> NOT_INSTALLED = List.of("communityLevel.", "communityBadge.", "communityEventType.",
            Topics.KEY);

    private ProfileSchema() {
    }

    /** Returns true when anything was added or made read-only. */
    public static boolean install(KeycloakSession session, RealmModel realm) {
        if (VERSION.equals(realm.getAttribute(VERSION_ATTRIBUTE))) {
            return Mirrors.protect(session);
        }
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        UPConfig config = provider.getConfiguration();
        UPConfig ours = read();
        for (UPGroup group : ours.getGroups()) {
            if (config.getGroups().stream().noneMatch(g -> g.getName().equals(group.getName()))) {
                config.addGroup(group);
            }
        }
        int installed = installedVersion(realm);
        for (UPAttribute attribute : ours.getAttributes()) {
            if (INTRODUCED.getOrDefault(attribute.getName(), 1) > installed
                    && config.getAttribute(attribute.getName()) == null) {
                config.addOrReplaceAttribute(attribute);
            }
        }
        provider.setConfiguration(config);
        Mirrors.protect(session);
        installTexts(session, realm);
        TopicLabels.sync(session, realm, Topics.read(realm), false);
        RequiredActions.register(realm, CompleteProfileAction.ID, "Complete community profile", 200);
        realm.setAttribute(VERSION_ATTRIBUTE, VERSION);
        return true;
    }

    private static int installedVersion(RealmModel realm) {
        try {
            String value = realm.getAttribute(VERSION_ATTRIBUTE);
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void installTexts(KeycloakSession session, RealmModel realm) {
        for (String locale : Bundles.LANGUAGES) {
            Map<String, String> existing = realm.getRealmLocalizationTextsByLocale(locale);
            Properties messages = Bundles.messages(locale);
            for (String key : messages.stringPropertyNames()) {
                if (key.startsWith("community") && NOT_INSTALLED.stream().noneMatch(key::startsWith)
                        && !existing.containsKey(key)) {
                    session.realms().saveLocalizationText(realm, locale, key, messages.getProperty(key));
                }
            }
        }
    }

    static UPConfig read() {
        try (InputStream in = ProfileSchema.class.getResourceAsStream(SCHEMA)) {
            return JsonSerialization.readValue(in, UPConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA, e);
        }
    }
}
