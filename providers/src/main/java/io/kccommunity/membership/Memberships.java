package io.kccommunity.membership;

import io.kccommunity.notices.Notice;
import io.kccommunity.notices.Notices;
import io.kccommunity.setup.CommunityConfig;
import io.kccommunity.setup.CommunityInstaller;
import io.kccommunity.setup.JoinPolicy;
import io.kccommunity.support.SafeRoles;
import io.kccommunity.web.CommunityError;
import io.kccommunity.webhooks.WebhookEvents;
import io.kccommunity.webhooks.Webhooks;
import java.util.Map;
import java.util.Objects;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The membership rules of one realm's community: who may join under which policy, and keeping the
 * {@code community-member} role in step with the {@code ACTIVE} status.
 */
public final class Memberships {

    /**
     * User attribute mirroring an active membership (its start, ISO-8601), written in the same
     * transaction as the row: Keycloak caches user attributes cluster-wide, so tokens read it for free.
     */
    public static final String MEMBER_SINCE = "memberSince";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CommunityConfig config;
    private final MemberStore store;

    public Memberships(KeycloakSession session, RealmModel realm, CommunityConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.store = new MemberStore(session);
    }

    /**
     * True when the user is an active member: they hold the {@code community-member} role by a direct
     * mapping, which the product keeps in step with the membership (and which no user can set for
     * themselves). Role mappings are cached by Keycloak, so this costs no database read.
     */
    public static boolean isActive(RealmModel realm, UserModel user) {
        RoleModel role = CommunityInstaller.memberRole(realm);
        return role != null && user.hasDirectRole(role);
    }

    public MemberEntity find(UserModel user) {
        return store.find(realm.getId(), user.getId());
    }

    /** The user asks to join; returns the membership and whether this call changed it. */
    public Change join(UserModel user, String acceptedCodeOfConductVersion) {
        MemberEntity member = find(user);
        MembershipStatus status = member == null ? null : member.getStatus();
        if (status == MembershipStatus.ACTIVE || status == MembershipStatus.PENDING) {
            return new Change(member, false);
        }
        boolean invited = status == MembershipStatus.INVITED;
        if (config.joinPolicy() == JoinPolicy.INVITE && !invited) {
            throw CommunityError.forbidden("This community is by invitation only");
        }
        if (config.requiresCodeOfConduct()
                && !Objects.equals(config.codeOfConductVersion(), acceptedCodeOfConductVersion)) {
            throw CommunityError.badRequest("code_of_conduct_not_accepted",
                    "Joining requires accepting code of conduct version " + config.codeOfConductVersion());
        }
        String accepted = config.requiresCodeOfConduct() ? config.codeOfConductVersion() : null;
        MembershipStatus next = config.joinPolicy() == JoinPolicy.APPROVAL && !invited
                ? MembershipStatus.PENDING : MembershipStatus.ACTIVE;
        return new Change(save(member, user, next, accepted), true);
    }

    /** The user leaves, or withdraws a pending request or an invitation. */
    public MemberEntity leave(UserModel user) {
        return depart(user, false);
    }

    private MemberEntity depart(UserModel user, boolean byAdmin) {
        MemberEntity member = find(user);
        if (member == null || member.getStatus() == MembershipStatus.LEFT || member.getStatus() == MembershipStatus.REJECTED) {
            throw CommunityError.notFound("not_a_member", "You are not a member of this community");
        }
        return save(member, user, MembershipStatus.LEFT, member.getCodeOfConductVersion(), byAdmin);
    }

    /** An active member accepts the code of conduct's current version. */
    public MemberEntity acceptCodeOfConduct(UserModel user) {
        MemberEntity member = find(user);
        if (member == null || member.getStatus() != MembershipStatus.ACTIVE) {
            throw CommunityError.notFound("not_a_member", "You are not a member of this community");
        }
        member.setCodeOfConductVersion(config.codeOfConductVersion());
        store.flush();
        return member;
    }

    /** True when the member has not accepted the code of conduct version now in force. */
    public static boolean owesCodeOfConduct(MemberEntity member, CommunityConfig config) {
        return member != null && member.getStatus() == MembershipStatus.ACTIVE && config.requiresCodeOfConduct()
                && !config.codeOfConductVersion().equals(member.getCodeOfConductVersion());
    }

    public MemberEntity approve(UserModel user) {
        MemberEntity member = decide(user, MembershipStatus.ACTIVE);
        Notices.send(session, realm, user, Notice.MEMBERSHIP_APPROVED, Map.of());
        return member;
    }

    public MemberEntity reject(UserModel user) {
        return decide(user, MembershipStatus.REJECTED);
    }

    /** Invites a user; under the {@code invite} policy only invited users can join. */
    public Change invite(UserModel user) {
        MemberEntity member = find(user);
        if (member != null && member.getStatus() == MembershipStatus.INVITED) {
            return new Change(member, false);
        }
        if (member != null && (member.getStatus() == MembershipStatus.ACTIVE || member.getStatus() == MembershipStatus.PENDING)) {
            throw CommunityError.conflict("already_member", "The user is already a member or awaiting approval");
        }
        return new Change(save(member, user, MembershipStatus.INVITED, null), true);
    }

    /**
     * After Keycloak mapped or unmapped {@code community-member} directly (an admin's role mapping,
     * outside the product): the membership follows, as if the admin had approved or removed it.
     */
    public void followRoleMapping(UserModel user) {
        boolean mapped = isActive(realm, user);
        MemberEntity member = find(user);
        boolean active = member != null && member.getStatus() == MembershipStatus.ACTIVE;
        if (mapped != active) {
            save(member, user, mapped ? MembershipStatus.ACTIVE : MembershipStatus.LEFT,
                    member == null ? null : member.getCodeOfConductVersion(), true);
        }
    }

    /** An admin removes a member (or cancels a request or invitation). */
    public MemberEntity remove(UserModel user) {
        return depart(user, true);
    }

    private MemberEntity decide(UserModel user, MembershipStatus outcome) {
        MemberEntity member = find(user);
        if (member == null || member.getStatus() != MembershipStatus.PENDING) {
            throw CommunityError.conflict("not_pending", "The user has no membership request awaiting approval");
        }
        return save(member, user, outcome, member.getCodeOfConductVersion());
    }

    /**
     * Creates or updates the membership and writes it at once, so that a concurrent request that won
     * the race fails here on our key, before any role is touched; then brings the role in step.
     */
    private MemberEntity save(MemberEntity existing, UserModel user, MembershipStatus next, String codeOfConductVersion) {
        return save(existing, user, next, codeOfConductVersion, false);
    }

    /** As above; {@code byAdmin}: an admin ended the membership (removed, not left). */
    private MemberEntity save(MemberEntity existing, UserModel user, MembershipStatus next, String codeOfConductVersion,
                              boolean byAdmin) {
        MemberEntity member = existing;
        if (member == null) {
            member = new MemberEntity();
            member.setId(KeycloakModelUtils.generateId());
            member.setRealmId(realm.getId());
            member.setUserId(user.getId());
        }
        boolean activated = next == MembershipStatus.ACTIVE && member.getStatus() != MembershipStatus.ACTIVE;
        boolean deactivated = next != MembershipStatus.ACTIVE && member.getStatus() == MembershipStatus.ACTIVE;
        MembershipStatus previous = member.getStatus();
        moveTo(member, next);
        member.setCodeOfConductVersion(codeOfConductVersion);
        if (existing == null) {
            store.insert(member);
        } else {
            store.flush();
        }
        syncUser(member, user);
        if (activated) {
            session.getKeycloakSessionFactory().publish(new MemberActivatedEvent(session, realm, user));
        } else if (deactivated) {
            session.getKeycloakSessionFactory().publish(new MemberDeactivatedEvent(session, realm, user));
        }
        tellApps(user, previous, next, byAdmin);
        return member;
    }

    /** The webhook messages of a status change: an approval is also a joining. */
    private void tellApps(UserModel user, MembershipStatus previous, MembershipStatus next, boolean byAdmin) {
        Map<String, Object> data = Webhooks.member(user, "status", next.id(), "previousStatus", previous == null ? null : previous.id());
        if (next == MembershipStatus.ACTIVE && previous == MembershipStatus.PENDING) {
            Webhooks.publish(session, realm, WebhookEvents.MEMBERSHIP_APPROVED, data);
        }
        String type = switch (next) {
            case PENDING -> WebhookEvents.MEMBERSHIP_REQUESTED;
            case ACTIVE -> WebhookEvents.MEMBERSHIP_JOINED;
            case REJECTED -> WebhookEvents.MEMBERSHIP_REJECTED;
            case LEFT -> byAdmin ? WebhookEvents.MEMBERSHIP_REMOVED : WebhookEvents.MEMBERSHIP_LEFT;
            case INVITED -> null;
        };
        if (type != null && previous != next) {
            Webhooks.publish(session, realm, type, data);
        }
    }

    private static void moveTo(MemberEntity member, MembershipStatus next) {
        long now = Time.currentTimeMillis();
        if (next == MembershipStatus.PENDING || next == MembershipStatus.INVITED
                || (next == MembershipStatus.ACTIVE && member.getStatus() != MembershipStatus.PENDING)) {
            member.setRequestedAt(now);
        }
        member.setJoinedAt(next == MembershipStatus.ACTIVE ? Long.valueOf(now) : null);
        member.setStatus(next);
    }

    /** Brings the member role and the {@value #MEMBER_SINCE} attribute in step with the status. */
    private void syncUser(MemberEntity member, UserModel user) {
        boolean active = member.getStatus() == MembershipStatus.ACTIVE;
        if (active) {
            user.setSingleAttribute(MEMBER_SINCE, MembershipView.of(member).since());
        } else if (user.getFirstAttribute(MEMBER_SINCE) != null) {
            user.removeAttribute(MEMBER_SINCE);
        }
        RoleModel role = CommunityInstaller.memberRole(realm);
        if (role == null) {
            return;
        }
        if (active && !user.hasDirectRole(role)) {
            user.grantRole(SafeRoles.requireSafe(role));
        } else if (!active && user.hasDirectRole(role)) {
            user.deleteRoleMapping(role);
        }
    }

    /** A membership after an operation, and whether the operation changed anything. */
    public record Change(MemberEntity member, boolean changed) {
    }
}
