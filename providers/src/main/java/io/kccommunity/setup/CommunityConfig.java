package io.kccommunity.setup;

import java.util.LinkedHashMap;
import java.util.Map;

/** A realm's community settings. Lives in realm attributes, so Keycloak caches and exports it. */
public record CommunityConfig(boolean enabled, JoinPolicy joinPolicy, String name, String codeOfConductUrl,
                              String codeOfConductVersion) {

    public static final CommunityConfig DISABLED = new CommunityConfig(false, JoinPolicy.OPEN, null, null, null);

    public boolean requiresCodeOfConduct() {
        return codeOfConductVersion != null;
    }

    /** The JSON shape shared by the admin API and the member API. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", enabled);
        json.put("joinPolicy", joinPolicy.id());
        json.put("name", name);
        json.put("codeOfConductUrl", codeOfConductUrl);
        json.put("codeOfConductVersion", codeOfConductVersion);
        return json;
    }
}
