package io.kccommunity.circles;

import io.kccommunity.support.Pairs;
import io.kccommunity.webhooks.WebhookEvents;
import io.kccommunity.webhooks.Webhooks;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The state changes of a circle's rows, each under the circle's row lock and followed in the same
 * transaction by the member count, the Keycloak group, the token attribute and the webhooks. The
 * rules of who may do what are the callers' ({@link CircleMemberships}, {@link CircleModeration}).
 */
final class CircleRoster {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final CircleStore store;
    private final CircleGroups groups;

    CircleRoster(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = new CircleStore(session);
        this.groups = new CircleGroups(session, realm);
    }

    CircleStore store() {
        return store;
    }

    CircleGroups groups() {
        return groups;
    }

    /** The circle locked, and the user's row in it (null: none). */
    CircleMemberEntity rowOf(CircleEntity circle, UserModel user) {
        store.lock(circle);
        return store.member(circle.getId(), user.getId());
    }

    /** Writes a row of {@code status}/{@code role} for the user, replacing {@code existing}; activating counts, groups, mirrors and tells. */
    CircleMemberEntity put(CircleEntity circle, UserModel user, CircleMemberEntity existing, String status, String role,
                           String reason) {
        boolean wasActive = existing != null && CircleRoles.ACTIVE.equals(existing.getStatus());
        CircleMemberEntity row = existing;
        if (row == null) {
            row = new CircleMemberEntity();
            row.setId(KeycloakModelUtils.generateId());
            row.setCircleId(circle.getId());
            row.setRealmId(realm.getId());
            row.setUserId(user.getId());
        }
        if (!status.equals(row.getStatus()) || !role.equals(row.getRole())) {
            row.setSince(Time.currentTimeMillis());
            row.setRoleUntil(null);
        }
        row.setStatus(status);
        row.setRole(role);
        row.setReason(reason);
        if (existing == null) {
            store.persist(row);
        }
        boolean active = CircleRoles.ACTIVE.equals(status);
        if (active != wasActive) {
            circle.setMemberCount(circle.getMemberCount() + (active ? 1 : -1));
        }
        store.flush();
        if (active && !CircleRoles.PENDING.equals(circle.getStatus())) {
            groups.join(circle, user);
        } else if (wasActive) {
            groups.leave(circle, user);
        }
        CircleClaims.mirror(session, realm, user);
        if (active && !wasActive && !CircleRoles.PENDING.equals(circle.getStatus())) {
            tell(WebhookEvents.CIRCLE_JOINED, circle, user, "role", role);
        } else if (wasActive && !active) {
            tell(WebhookEvents.CIRCLE_LEFT, circle, user, "status", status);
        }
        return row;
    }

    /** Deletes the user's row; when the last owner goes, the longest-standing moderator (else member) owns the circle. */
    void drop(CircleEntity circle, UserModel user, CircleMemberEntity row, String why) {
        boolean wasActive = CircleRoles.ACTIVE.equals(row.getStatus());
        boolean wasOwner = wasActive && CircleRoles.OWNER.equals(row.getRole());
        store.remove(row);
        if (wasActive) {
            circle.setMemberCount(circle.getMemberCount() - 1);
        }
        store.flush();
        if (wasActive) {
            groups.leave(circle, user);
            tell(WebhookEvents.CIRCLE_LEFT, circle, user, "status", why);
        }
        CircleClaims.mirror(session, realm, user);
        if (wasOwner && store.owners(circle.getId()) == 0) {
            succeed(circle);
        }
    }

    private void succeed(CircleEntity circle) {
        List<CircleMemberEntity> members = store.members(circle.getId(), null, 0, 1000);
        CircleMemberEntity heir = members.stream().filter(m -> CircleRoles.MODERATOR.equals(m.getRole())).findFirst()
                .orElse(members.stream().filter(m -> CircleRoles.MEMBER.equals(m.getRole())
                        || CircleRoles.RECOGNIZED.equals(m.getRole())).findFirst().orElse(null));
        if (heir != null && CircleRoles.ORGANIC.equals(circle.getKind())) {
            UserModel user = session.users().getUserById(realm, heir.getUserId());
            if (user != null) {
                put(circle, user, heir, CircleRoles.ACTIVE, CircleRoles.OWNER, null);
            }
        } else if (members.isEmpty() && CircleRoles.ORGANIC.equals(circle.getKind())) {
            circle.setStatus(CircleRoles.ARCHIVED);
        }
    }

    void tell(String type, CircleEntity circle, UserModel user, Object... pairs) {
        Webhooks.publish(session, realm, type, user == null ? circleData(circle)
                : Pairs.into(Webhooks.member(user, "circle", circle.getSlug()), pairs));
    }

    static Map<String, Object> circleData(CircleEntity circle) {
        return Pairs.of("circle", circle.getSlug(), "name", circle.getName(), "kind", circle.getKind(),
                "visibility", circle.getVisibility(), "status", circle.getStatus());
    }
}
