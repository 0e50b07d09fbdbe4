package io.kccommunity.circles;

import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MemberStore;
import io.kccommunity.membership.Memberships;
import io.kccommunity.notices.Notice;
import io.kccommunity.notices.Notices;
import io.kccommunity.support.LostRace;
import io.kccommunity.web.AdminAccess;
import io.kccommunity.web.CommunityError;
import io.kccommunity.webhooks.WebhookEvents;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A circle's life: founded by a trusted member (organic; pending an admin's approval when the realm
 * wants it) or created by an admin (sponsored, with staff), then changed by its owners, archived,
 * and deleted by admins. The founder is the first owner.
 */
public final class Circles {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CircleRoster roster;

    public Circles(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.roster = new CircleRoster(session, realm);
    }

    CircleEntity require(String slug) {
        CircleEntity circle = slug == null || slug.length() > 40 ? null : roster.store().bySlug(realm.getId(), slug);
        if (circle == null) {
            throw CommunityError.notFound("circle_not_found", "No circle with this slug");
        }
        return circle;
    }

    /** A member founds an organic circle, if their reputation and the number they founded allow it. */
    CircleEntity found(UserModel founder, CircleRequest request) {
        if (!Memberships.isActive(realm, founder)) {
            throw CommunityError.forbidden("not_a_member", "Only community members found circles");
        }
        CircleSettings settings = CircleSettings.read(realm);
        MemberEntity member = new MemberStore(session).find(realm.getId(), founder.getId());
        if (member == null || member.getReputation() < settings.foundingMinReputation()) {
            throw CommunityError.forbidden("reputation_too_low", "Founding a circle takes a reputation of "
                    + settings.foundingMinReputation() + " or more");
        }
        if (roster.store().foundedBy(realm.getId(), founder.getId()) >= settings.maxFoundedPerMember()) {
            throw CommunityError.forbidden("too_many_circles", "A member founds at most " + settings.maxFoundedPerMember()
                    + " circles that are not archived");
        }
        if (request.staff() != null || request.status() != null) {
            throw CommunityError.badRequest("invalid_request", "staff and status are set by admins only");
        }
        CircleEntity circle = newCircle(request, CircleRoles.ORGANIC, founder.getId(),
                Boolean.TRUE.equals(settings.approveOrganic()) ? CircleRoles.PENDING : CircleRoles.ACTIVE);
        if (CircleRoles.ACTIVE.equals(circle.getStatus())) {
            roster.tell(WebhookEvents.CIRCLE_CREATED, circle, null);
        }
        roster.put(circle, founder, null, CircleRoles.ACTIVE, CircleRoles.OWNER, null);
        return circle;
    }

    /** An admin creates a sponsored circle, with its staff (community members), active at once. */
    CircleEntity createSponsored(String adminId, CircleRequest request) {
        if (request.status() != null) {
            throw CommunityError.badRequest("invalid_request", "A new circle is active; archive it afterwards");
        }
        List<UserModel> staff = (request.staff() == null ? List.<String>of() : request.staff()).stream()
                .map(id -> AdminAccess.user(session, realm, id)).distinct().toList();
        for (UserModel user : staff) {
            if (!Memberships.isActive(realm, user)) {
                throw CommunityError.badRequest("invalid_staff", "staff must be community members: " + user.getId());
            }
        }
        CircleEntity circle = newCircle(request, CircleRoles.SPONSORED, adminId, CircleRoles.ACTIVE);
        roster.groups().groupOf(circle);
        for (UserModel user : staff) {
            roster.put(circle, user, null, CircleRoles.ACTIVE, CircleRoles.STAFF, null);
        }
        roster.tell(WebhookEvents.CIRCLE_CREATED, circle, null);
        return circle;
    }

    private CircleEntity newCircle(CircleRequest request, String kind, String createdBy, String status) {
        CircleEntity circle = new CircleEntity();
        circle.setId(KeycloakModelUtils.generateId());
        circle.setRealmId(realm.getId());
        request.create(circle, realm);
        if (roster.store().bySlug(realm.getId(), circle.getSlug()) != null) {
            throw slugTaken();
        }
        circle.setKind(kind);
        circle.setStatus(status);
        circle.setCreatedBy(createdBy);
        circle.setCreatedAt(Time.currentTimeMillis());
        try {
            roster.store().persist(circle);
            roster.store().flush();
        } catch (PersistenceException | ModelException e) {
            if (LostRace.is(e)) {
                throw slugTaken();
            }
            throw e;
        }
        return circle;
    }

    private static CommunityError slugTaken() {
        return CommunityError.conflict("slug_taken", "Another circle of this community has this slug");
    }

    /** An admin approves a pending organic circle: it becomes active, with its group and its owner's claim. */
    CircleEntity approve(CircleEntity circle) {
        roster.store().lock(circle);
        if (!CircleRoles.PENDING.equals(circle.getStatus())) {
            throw CommunityError.conflict("not_pending", "The circle is not awaiting approval");
        }
        circle.setStatus(CircleRoles.ACTIVE);
        roster.tell(WebhookEvents.CIRCLE_APPROVED, circle, null);
        roster.tell(WebhookEvents.CIRCLE_CREATED, circle, null);
        tellFounder(circle, Notice.CIRCLE_APPROVED);
        for (CircleMemberEntity row : roster.store().members(circle.getId(), null, 0, 100)) {
            UserModel user = session.users().getUserById(realm, row.getUserId());
            if (user != null) {
                roster.groups().join(circle, user);
                CircleClaims.mirror(session, realm, user);
                roster.tell(WebhookEvents.CIRCLE_JOINED, circle, user, "role", row.getRole());
            }
        }
        return circle;
    }

    /** An admin rejects a pending organic circle: it is deleted. */
    void reject(CircleEntity circle) {
        roster.store().lock(circle);
        if (!CircleRoles.PENDING.equals(circle.getStatus())) {
            throw CommunityError.conflict("not_pending", "The circle is not awaiting approval");
        }
        tellFounder(circle, Notice.CIRCLE_REJECTED);
        delete(circle);
    }

    private void tellFounder(CircleEntity circle, Notice notice) {
        UserModel founder = circle.getCreatedBy() == null ? null : session.users().getUserById(realm, circle.getCreatedBy());
        if (founder != null) {
            Notices.send(session, realm, founder, notice, Map.of("circle", circle.getName()));
        }
    }

    /** The owners (or an admin) change the circle's settings; admins may also archive or reactivate it. */
    CircleEntity update(CircleEntity circle, CircleRequest request, boolean admin) {
        if (request.slug() != null && !request.slug().equals(circle.getSlug())) {
            throw CommunityError.badRequest("invalid_slug", "slug never changes (it names the circle in tokens and groups)");
        }
        if (request.staff() != null) {
            throw CommunityError.badRequest("invalid_request", "staff are appointed one by one (PUT .../members/{userId})");
        }
        if (request.status() != null && (!admin || !List.of(CircleRoles.ACTIVE, CircleRoles.ARCHIVED).contains(request.status())
                || CircleRoles.PENDING.equals(circle.getStatus()))) {
            throw CommunityError.badRequest("invalid_status", "status is active or archived, set by admins (pending circles are approved)");
        }
        roster.store().lock(circle);
        request.applyTo(circle, realm);
        if (request.status() != null) {
            circle.setStatus(request.status());
        }
        roster.store().flush();
        return circle;
    }

    CircleEntity archive(CircleEntity circle) {
        roster.store().lock(circle);
        if (CircleRoles.PENDING.equals(circle.getStatus())) {
            throw CommunityError.conflict("not_active", "A pending circle is approved or rejected");
        }
        circle.setStatus(CircleRoles.ARCHIVED);
        roster.store().flush();
        return circle;
    }

    /** Deletes the circle, its rows and its group; its members' tokens lose it. */
    void delete(CircleEntity circle) {
        List<String> userIds = roster.store().members(circle.getId(), null, 0, Integer.MAX_VALUE).stream()
                .map(CircleMemberEntity::getUserId).toList();
        roster.groups().remove(circle);
        roster.store().delete(circle);
        roster.store().flush();
        for (String userId : userIds) {
            UserModel user = session.users().getUserById(realm, userId);
            if (user != null) {
                CircleClaims.mirror(session, realm, user);
            }
        }
    }

    /** Keycloak removed the user or the realm: our rows go with them (member counts recounted). */
    public static void forgetUser(KeycloakSession session, RealmModel realm, UserModel user) {
        CircleStore store = new CircleStore(session);
        for (CircleMemberEntity row : store.rowsOf(realm.getId(), user.getId())) {
            CircleEntity circle = CircleRoles.ACTIVE.equals(row.getStatus()) ? store.circle(row.getCircleId()) : null;
            if (circle != null) {
                store.lock(circle).setMemberCount(circle.getMemberCount() - 1);
            }
        }
        store.deleteByUser(realm.getId(), user.getId());
    }

    public static void forgetRealm(KeycloakSession session, String realmId) {
        new CircleStore(session).deleteByRealm(realmId);
    }
}
