package io.kccommunity.circles;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Each circle as a Keycloak group, {@code /community/circles/<slug>}, whose members are the circle's
 * active members: Keycloak's own tooling sees circles (its Groups pages, the Group Membership mapper's
 * {@code groups} claim, group-based policies). Our tables are the truth; the group follows them in the
 * same transaction. An admin who adds a user to the group in Keycloak adds them to the circle (when
 * they may belong to it; otherwise the user is taken out of the group again), and removing a user
 * from the group removes them from the circle. A group deleted in Keycloak is created again at the
 * circle's next change.
 */
final class CircleGroups {

    static final String ROOT = "community";
    static final String CIRCLES = "circles";
    /** Set on the session while we write to groups, so the group events we cause are not taken for an admin's. */
    static final String WRITING = CircleGroups.class.getName() + ".writing";

    private final KeycloakSession session;
    private final RealmModel realm;

    CircleGroups(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The circle's group, created (with its parents) when missing. */
    GroupModel groupOf(CircleEntity circle) {
        GroupModel group = circle.getGroupId() == null ? null : session.groups().getGroupById(realm, circle.getGroupId());
        if (group == null) {
            group = child(child(child(null, ROOT), CIRCLES), circle.getSlug());
            group.setSingleAttribute("community.circle", circle.getSlug());
            circle.setGroupId(group.getId());
        }
        return group;
    }

    void join(CircleEntity circle, UserModel user) {
        GroupModel group = groupOf(circle);
        if (!user.isMemberOf(group)) {
            writing(() -> {
                user.joinGroup(group);
                return null;
            });
        }
    }

    void leave(CircleEntity circle, UserModel user) {
        GroupModel group = circle.getGroupId() == null ? null : session.groups().getGroupById(realm, circle.getGroupId());
        if (group != null && user.isMemberOf(group)) {
            writing(() -> {
                user.leaveGroup(group);
                return null;
            });
        }
    }

    void remove(CircleEntity circle) {
        GroupModel group = circle.getGroupId() == null ? null : session.groups().getGroupById(realm, circle.getGroupId());
        if (group != null) {
            writing(() -> session.groups().removeGroup(realm, group));
        }
    }

    /** The slug of the circle whose group this is, or null for any other group. */
    static String circleOf(GroupModel group) {
        GroupModel parent = group.getParent();
        GroupModel root = parent == null ? null : parent.getParent();
        return parent != null && root != null && CIRCLES.equals(parent.getName()) && ROOT.equals(root.getName())
                && root.getParentId() == null ? group.getName() : null;
    }

    private GroupModel child(GroupModel parent, String name) {
        GroupModel found = KeycloakModelUtils.findGroupByPath(session, realm,
                parent == null ? "/" + name : KeycloakModelUtils.buildGroupPath(parent) + "/" + name);
        return found != null ? found : writing(() -> session.groups().createGroup(realm, name, parent));
    }

    private <T> T writing(java.util.function.Supplier<T> write) {
        Object before = session.getAttribute(WRITING);
        session.setAttribute(WRITING, Boolean.TRUE);
        try {
            return write.get();
        } finally {
            if (before == null) {
                session.removeAttribute(WRITING);
            }
        }
    }
}
