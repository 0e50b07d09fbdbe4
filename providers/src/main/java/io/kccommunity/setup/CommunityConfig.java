package io.kccommunity.setup;

import java.util.LinkedHashMap;
import java.util.Map;

/** A realm's community settings. Lives in realm attributes, so Keycloak caches and exports it. */
public record CommunityConfig(boolean enabled, JoinPolicy joinPolicy, String name, String codeOfConductUrl,
                              String codeOfConductVersion, CommunityPitch pitch, boolean profileCompletionPostponable) {

    public static final CommunityConfig DISABLED = new CommunityConfig(false, JoinPolicy.OPEN, null, null, null);

    public CommunityConfig {
        pitch = pitch == null ? CommunityPitch.NONE : pitch;
    }

    /** Settings without a pitch, and a profile that must be completed at once. */
    public CommunityConfig(boolean enabled, JoinPolicy joinPolicy, String name, String codeOfConductUrl,
                           String codeOfConductVersion) {
        this(enabled, joinPolicy, name, codeOfConductUrl, codeOfConductVersion, CommunityPitch.NONE, false);
    }

    public boolean requiresCodeOfConduct() {
        return codeOfConductVersion != null;
    }

    /** The JSON shape of the admin API. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", enabled);
        json.putAll(forMembers());
        json.put("profileCompletionPostponable", profileCompletionPostponable);
        return json;
    }

    /** What members, and users who may join, read in {@code /me}: what the join card needs. */
    public Map<String, Object> forMembers() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("joinPolicy", joinPolicy.id());
        json.put("name", name);
        json.put("codeOfConductUrl", codeOfConductUrl);
        json.put("codeOfConductVersion", codeOfConductVersion);
        json.put("description", pitch.description());
        json.put("benefits", pitch.benefits());
        return json;
    }
}
