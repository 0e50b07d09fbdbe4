package io.kccommunity.profile;

import java.util.List;
import java.util.Locale;

/**
 * A profile as others see it: community fields only, never email, names or other attributes.
 * Strings are returned exactly as the member typed them; whoever renders them must escape them.
 */
public record ProfileView(String handle, String displayName, String bio, List<String> interests, String location,
                          String website, String avatarUrl, List<String> languages, String visibility, String memberSince) {

    static ProfileView of(CommunityProfile profile, String memberSince) {
        return new ProfileView(profile.handle(), profile.displayName(), profile.bio(), profile.interests(),
                profile.location(), profile.website(), profile.avatarUrl(), profile.languages(),
                profile.visibility().name().toLowerCase(Locale.ROOT), memberSince);
    }
}
