package io.kccommunity.advocacy;

import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.web.Caller;
import io.kccommunity.web.CommunityError;
import io.kccommunity.web.Paging;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code GET /realms/{realm}/community/roles/{role}/members}: who holds a role, longest-standing
 * first. For apps whose service account holds {@code view-members} of {@code community-api}, for user
 * admins, and for members when the role is {@code listed} (e.g. to find the gurus). Members with a
 * private profile appear without name to other members.
 */
public final class Holders {

    public record Holder(String userId, String handle, String displayName, String since, String expiresAt) {
    }

    private Holders() {
    }

    public static List<Holder> page(KeycloakSession session, RealmModel realm, Caller caller, String role, Paging paging) {
        Advocacy advocacy = new Advocacy(session, realm);
        advocacy.requireRole(role);
        Caller.Reader reader = caller.reader();
        boolean privileged = reader.isPrivileged();
        boolean member = reader == Caller.Reader.MEMBER;
        if (!privileged && !(member && Boolean.TRUE.equals(advocacy.rules().role(role).listed()))) {
            throw CommunityError.forbidden("This role's holders are listed for apps, user admins and, when the role is listed, members");
        }
        List<Holder> holders = new ArrayList<>();
        for (RoleHoldingEntity holding : new AdvocacyStore(session).holders(realm.getId(), role, paging.first(), paging.max())) {
            UserModel user = session.users().getUserById(realm, holding.getUserId());
            if (user == null) {
                continue;
            }
            CommunityProfile profile = CommunityProfile.of(user);
            boolean shown = privileged || profile.visibility() != CommunityProfile.Visibility.PRIVATE
                    || user.getId().equals(caller.user().getId());
            holders.add(new Holder(shown ? user.getId() : null, shown ? profile.handle() : null,
                    shown ? profile.displayName() : null, RoleViews.iso(holding.getSince()), RoleViews.iso(holding.getExpiresAt())));
        }
        return holders;
    }
}
