package io.kccommunity.profile;

import io.kccommunity.membership.Memberships;
import io.kccommunity.web.Caller;
import io.kccommunity.web.CommunityError;
import io.kccommunity.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Objects;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/community/members}: public profiles by handle, and the member directory.
 * Who sees a profile depends on its visibility: {@code public} anyone, {@code members} members and
 * apps, {@code private} only its owner and the realm's user admins. Hidden and unknown profiles
 * answer the same 404, so a handle's existence does not leak.
 */
public class ProfileResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    public ProfileResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @GET
    @Path("{handle}")
    @Produces(MediaType.APPLICATION_JSON)
    public ProfileView profile(@PathParam("handle") String handle) {
        Caller caller = Caller.authenticateIfPresent(session);
        UserModel owner = Directory.holder(session, realm, handle);
        if (owner == null || !Memberships.isActive(realm, owner) || !mayView(caller, owner)) {
            throw CommunityError.notFound("profile_not_found", "No visible community profile with this handle");
        }
        return ProfileView.of(ProfileView.Naming.of(session, realm, caller == null ? null : caller.user()), owner);
    }

    /** The directory: active members with a handle and a profile that is not private. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ProfileView> directory(@QueryParam("search") String search, @QueryParam("interest") String interest,
                                       @QueryParam("first") String first, @QueryParam("max") String max) {
        Caller caller = Caller.authenticate(session);
        if (caller.reader() == Caller.Reader.USER) {
            throw CommunityError.forbidden("The member directory is open to members, apps with view-members and user admins");
        }
        if ((search != null && search.length() > 100) || (interest != null && interest.length() > 100)) {
            throw CommunityError.badRequest("invalid_request", "search and interest are at most 100 characters");
        }
        Paging paging = Paging.of(first, max);
        ProfileView.Naming naming = ProfileView.Naming.of(session, realm, caller.user());
        return Directory.page(session, realm, search, interest, paging).stream()
                .map(id -> session.users().getUserById(realm, id))
                .filter(Objects::nonNull)
                .map(user -> ProfileView.of(naming, user))
                .toList();
    }

    /** Only active members have a profile (checked before); then its visibility decides. */
    private boolean mayView(Caller caller, UserModel owner) {
        Caller.Reader reader = caller == null ? null : caller.reader();
        if (caller != null && (caller.user().getId().equals(owner.getId()) || reader == Caller.Reader.USER_ADMIN)) {
            return true;
        }
        return switch (CommunityProfile.of(owner).visibility()) {
            case PUBLIC -> true;
            case MEMBERS -> reader == Caller.Reader.APP || reader == Caller.Reader.MEMBER;
            case PRIVATE -> false;
        };
    }
}
