package io.kccommunity.profile;

import io.kccommunity.membership.Memberships;
import io.kccommunity.reputation.Badges;
import io.kccommunity.reputation.ReputationSummary;
import java.util.List;
import java.util.Locale;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A profile as others see it: community fields, reputation, level and badge ids; never email, names
 * or other attributes.
 * Strings are returned exactly as the member typed them; whoever renders them must escape them.
 */
public record ProfileView(String handle, String displayName, String bio, List<String> interests, String location,
                          String website, String avatarUrl, List<String> languages, String visibility, String memberSince,
                          int reputation, String level, List<String> badges) {

    static ProfileView of(RealmModel realm, UserModel user) {
        CommunityProfile profile = CommunityProfile.of(user);
        int reputation = ReputationSummary.mirroredTotal(user);
        return new ProfileView(profile.handle(), profile.displayName(), profile.bio(), profile.interests(),
                profile.location(), profile.website(), profile.avatarUrl(), profile.languages(),
                profile.visibility().name().toLowerCase(Locale.ROOT), user.getFirstAttribute(Memberships.MEMBER_SINCE),
                reputation, ReputationSummary.levelOf(realm, reputation), user.getAttributeStream(Badges.ATTRIBUTE).sorted().toList());
    }
}
