package io.kccommunity.profile;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.keycloak.models.UserModel;

/** A user's community profile, read from the user attributes the user profile declares. */
public record CommunityProfile(String handle, String displayName, String bio, List<String> interests, String location,
                               String website, String avatarUrl, List<String> languages, Visibility visibility,
                               boolean newsletter) {

    /** The fields that count towards completeness, each worth the same. */
    static final int FIELDS = 8;

    public enum Visibility { PUBLIC, MEMBERS, PRIVATE }

    public static CommunityProfile of(UserModel user) {
        return new CommunityProfile(user.getFirstAttribute("handle"), user.getFirstAttribute("displayName"),
                user.getFirstAttribute("bio"), user.getAttributeStream("interests").toList(),
                user.getFirstAttribute("location"), user.getFirstAttribute("website"), user.getFirstAttribute("avatarUrl"),
                user.getAttributeStream("languages").toList(), visibility(user.getFirstAttribute("profileVisibility")),
                "yes".equals(user.getFirstAttribute("newsletter")));
    }

    /** Unset or unknown visibility means {@code members}: visible inside the community only. */
    static Visibility visibility(String value) {
        if ("public".equals(value)) {
            return Visibility.PUBLIC;
        }
        return "private".equals(value) ? Visibility.PRIVATE : Visibility.MEMBERS;
    }

    /** 0-100: the share of the profile's fields that are filled in. */
    public int completeness() {
        return (FIELDS - missing().size()) * 100 / FIELDS;
    }

    /** The attributes of the fields still empty, in the user profile's order, so a page can link to them. */
    public List<String> missing() {
        Map<String, Boolean> filled = new LinkedHashMap<>();
        filled.put("handle", filled(handle));
        filled.put("displayName", filled(displayName));
        filled.put("bio", filled(bio));
        filled.put("interests", !interests.isEmpty());
        filled.put("location", filled(location));
        filled.put("website", filled(website));
        filled.put("avatarUrl", filled(avatarUrl));
        filled.put("languages", !languages.isEmpty());
        return filled.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
    }

    /** What the member sees of their own profile in {@code /me}. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("handle", handle);
        summary.put("visibility", visibility.name().toLowerCase(java.util.Locale.ROOT));
        summary.put("completeness", completeness());
        summary.put("missing", missing());
        summary.put("newsletter", newsletter);
        return summary;
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }
}
