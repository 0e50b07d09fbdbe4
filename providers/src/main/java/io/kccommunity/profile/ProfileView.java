package io.kccommunity.profile;

import io.kccommunity.membership.Memberships;
import io.kccommunity.reputation.Badges;
import io.kccommunity.reputation.ReputationNames;
import io.kccommunity.reputation.ReputationRules;
import io.kccommunity.reputation.ReputationSummary;
import io.kccommunity.support.Languages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A profile as others see it: community fields, reputation, level and badge ids; never email, names
 * or other attributes. {@code levelName}, {@code badgeNames} and {@code interestNames} (by id) are
 * those ids as the reader reads them.
 * Strings are returned exactly as the member typed them; whoever renders them must escape them.
 */
public record ProfileView(String handle, String displayName, String bio, List<String> interests, String location,
                          String website, String avatarUrl, List<String> languages, String visibility, String memberSince,
                          int reputation, String level, String levelName, List<String> badges,
                          Map<String, String> badgeNames, Map<String, String> interestNames) {

    /** How one reader reads names: the rules' and the topics', in the reader's languages. */
    record Naming(ReputationNames reputation, Topics topics, List<String> languages) {

        static Naming of(KeycloakSession session, RealmModel realm, UserModel reader) {
            return new Naming(ReputationNames.of(session, realm, reader), Topics.read(realm),
                    Languages.of(session, realm, reader));
        }
    }

    static ProfileView of(Naming naming, UserModel user) {
        CommunityProfile profile = CommunityProfile.of(user);
        int reputation = ReputationSummary.mirroredTotal(user);
        ReputationRules rules = naming.reputation().rules();
        String level = rules.levelOf(reputation).name();
        List<String> badges = user.getAttributeStream(Badges.ATTRIBUTE).sorted().toList();
        Map<String, String> badgeNames = new LinkedHashMap<>();
        for (String id : badges) {
            ReputationRules.Badge badge = rules.badge(id);
            badgeNames.put(id, badge == null ? id : naming.reputation().badge(badge));
        }
        Map<String, String> interestNames = new LinkedHashMap<>();
        profile.interests().forEach(id -> interestNames.put(id, naming.topics().name(id, naming.languages())));
        return new ProfileView(profile.handle(), profile.displayName(), profile.bio(), profile.interests(),
                profile.location(), profile.website(), profile.avatarUrl(), profile.languages(),
                profile.visibility().name().toLowerCase(Locale.ROOT), user.getFirstAttribute(Memberships.MEMBER_SINCE),
                reputation, level, naming.reputation().level(level), badges, badgeNames, interestNames);
    }
}
