package io.kccommunity.reputation;

import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.support.Writes;
import io.kccommunity.web.CommunityError;
import io.kccommunity.webhooks.WebhookEvents;
import io.kccommunity.webhooks.Webhooks;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Badges held by members: awarded once, by a rule or by an admin, and mirrored into the user
 * attribute {@value #ATTRIBUTE} for the token. Callers hold the member's row lock (see
 * {@link ReputationStore#lockMember}), so one member's awards are never decided twice at once.
 */
public final class Badges {

    public static final String ATTRIBUTE = "badges";
    private static final long DAY_MILLIS = 86_400_000L;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ReputationRules rules;
    private final ReputationStore store;

    public Badges(KeycloakSession session, RealmModel realm, ReputationRules rules) {
        this.session = session;
        this.realm = realm;
        this.rules = rules;
        this.store = new ReputationStore(session);
    }

    public List<BadgeAwardEntity> held(UserModel user) {
        return store.awards(realm.getId(), user.getId());
    }

    /** Awards every rule badge the member now earns; returns how many were new. */
    int evaluate(UserModel user, MemberEntity member) {
        List<BadgeAwardEntity> held = held(user);
        Set<String> ids = held.stream().map(BadgeAwardEntity::getBadge).collect(Collectors.toSet());
        int awarded = 0;
        for (ReputationRules.Badge badge : rules.badges()) {
            if (!ids.contains(badge.id()) && earns(badge.rule(), user, member)) {
                store.insert(award(user, badge.id(), null));
                tellApps(user, WebhookEvents.BADGE_AWARDED, badge.id(), "rule");
                awarded++;
            }
        }
        if (awarded > 0) {
            store.flush();
            mirror(user);
        }
        return awarded;
    }

    /** An admin awards a badge by hand; false when the member already holds it. */
    public boolean grant(UserModel user, String badgeId, String adminId) {
        requireBadge(badgeId);
        MemberEntity member = store.lockMember(realm.getId(), user.getId());
        if (member == null || member.getStatus() != MembershipStatus.ACTIVE) {
            throw CommunityError.notFound("not_a_member", "The user is not an active member");
        }
        if (held(user).stream().anyMatch(a -> a.getBadge().equals(badgeId))) {
            return false;
        }
        store.insert(award(user, badgeId, adminId));
        store.flush();
        tellApps(user, WebhookEvents.BADGE_AWARDED, badgeId, "admin");
        mirror(user);
        ReputationChangedEvent.publish(session, realm, user, member);
        return true;
    }

    /** An admin takes a badge back; false when the member does not hold it. */
    public boolean revoke(UserModel user, String badgeId) {
        requireBadge(badgeId);
        MemberEntity member = store.lockMember(realm.getId(), user.getId());
        BadgeAwardEntity award = held(user).stream().filter(a -> a.getBadge().equals(badgeId)).findFirst().orElse(null);
        if (award == null) {
            return false;
        }
        store.remove(award);
        store.flush();
        tellApps(user, WebhookEvents.BADGE_REVOKED, badgeId, "admin");
        mirror(user);
        ReputationChangedEvent.publish(session, realm, user, member);
        return true;
    }

    public ReputationRules.Badge requireBadge(String badgeId) {
        ReputationRules.Badge badge = badgeId == null ? null : rules.badge(badgeId);
        if (badge == null) {
            throw CommunityError.notFound("badge_not_found", "No badge with this id in the reputation rules");
        }
        return badge;
    }

    private boolean earns(ReputationRules.Rule rule, UserModel user, MemberEntity member) {
        return switch (rule.kind()) {
            case "total" -> member.getReputation() >= rule.threshold();
            case "event-count" -> store.countOfType(realm.getId(), user.getId(), rule.eventType()) >= rule.threshold();
            case "membership-days" -> member.getJoinedAt() != null
                    && (Time.currentTimeMillis() - member.getJoinedAt()) / DAY_MILLIS >= rule.threshold();
            case "profile-complete" -> CommunityProfile.of(user).completeness() == 100;
            default -> false;
        };
    }

    private void tellApps(UserModel user, String type, String badgeId, String by) {
        Webhooks.publish(session, realm, type, Webhooks.member(user, "badge", badgeId, "by", by));
    }

    private BadgeAwardEntity award(UserModel user, String badgeId, String adminId) {
        BadgeAwardEntity award = new BadgeAwardEntity();
        award.setId(KeycloakModelUtils.generateId());
        award.setRealmId(realm.getId());
        award.setUserId(user.getId());
        award.setBadge(badgeId);
        award.setAwardedAt(Time.currentTimeMillis());
        award.setAwardedBy(adminId);
        return award;
    }

    private void mirror(UserModel user) {
        List<String> ids = held(user).stream().map(BadgeAwardEntity::getBadge).toList();
        Writes.guarded("The member's badges", () -> {
            if (ids.isEmpty()) {
                user.removeAttribute(ATTRIBUTE);
            } else {
                user.setAttribute(ATTRIBUTE, ids);
            }
        });
    }
}
