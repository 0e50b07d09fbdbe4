package io.kccommunity.setup;

import io.kccommunity.support.RealmJson;
import org.keycloak.models.RealmModel;

/** Reads and writes {@link CommunityConfig} as realm attributes prefixed {@code community.}. */
public final class CommunitySettings {

    static final String ENABLED = "community.enabled";
    static final String JOIN_POLICY = "community.joinPolicy";
    static final String NAME = "community.name";
    static final String COC_URL = "community.codeOfConductUrl";
    static final String COC_VERSION = "community.codeOfConductVersion";
    static final String PITCH = "community.pitch";
    static final String POSTPONABLE = "community.profileCompletionPostponable";

    private CommunitySettings() {
    }

    public static CommunityConfig read(RealmModel realm) {
        JoinPolicy policy = JoinPolicy.fromId(realm.getAttribute(JOIN_POLICY));
        return new CommunityConfig(
                Boolean.parseBoolean(realm.getAttribute(ENABLED)),
                policy == null ? JoinPolicy.OPEN : policy,
                realm.getAttribute(NAME),
                realm.getAttribute(COC_URL),
                realm.getAttribute(COC_VERSION),
                RealmJson.readShared(realm, PITCH, CommunityPitch.class, pitch -> pitch == null ? CommunityPitch.NONE : pitch),
                Boolean.parseBoolean(realm.getAttribute(POSTPONABLE)));
    }

    /** The community's name as members read it: its own name, else the realm's display name, else the realm's name. */
    public static String displayName(RealmModel realm) {
        String name = realm.getAttribute(NAME);
        if (name != null && !name.isBlank()) {
            return name;
        }
        return realm.getDisplayName() != null && !realm.getDisplayName().isBlank() ? realm.getDisplayName() : realm.getName();
    }

    public static boolean isEnabled(RealmModel realm) {
        return Boolean.parseBoolean(realm.getAttribute(ENABLED));
    }

    public static void write(RealmModel realm, CommunityConfig config) {
        realm.setAttribute(ENABLED, Boolean.toString(config.enabled()));
        realm.setAttribute(JOIN_POLICY, config.joinPolicy().id());
        set(realm, NAME, config.name());
        set(realm, COC_URL, config.codeOfConductUrl());
        set(realm, COC_VERSION, config.codeOfConductVersion());
        if (config.pitch().equals(CommunityPitch.NONE)) {
            realm.removeAttribute(PITCH);
        } else {
            RealmJson.write(realm, PITCH, config.pitch());
        }
        set(realm, POSTPONABLE, config.profileCompletionPostponable() ? "true" : null);
    }

    private static void set(RealmModel realm, String key, String value) {
        if (value == null) {
            realm.removeAttribute(key);
        } else {
            realm.setAttribute(key, value);
        }
    }
}
