package io.kccommunity.circles;

import io.kccommunity.profile.Directory;
import io.kccommunity.reputation.Leaderboard;
import io.kccommunity.setup.CommunityInstaller;
import io.kccommunity.web.AdminAccess;
import io.kccommunity.web.Caller;
import io.kccommunity.web.CommunityError;
import io.kccommunity.web.JsonBody;
import io.kccommunity.web.Paging;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/community/circles}: browsing (a public circle and its members also without a
 * token; the list with one), founding,
 * joining and leaving (the member's own token, allowed to act), and running a circle (its owners,
 * moderators and staff). A circle the caller may not see answers 404, as one that does not exist.
 */
public class CirclesResource {

    private static final String ACTIVE_LIST = "active";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Circles circles;

    public CirclesResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.circles = new Circles(session, realm);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<CircleView> list(@QueryParam("search") String search, @QueryParam("first") String first,
                                 @QueryParam("max") String max) {
        Caller caller = Caller.authenticate(session);
        if (!caller.isAppWith(CommunityInstaller.VIEW_MEMBERS_ROLE)) {
            caller.requireRead();
        }
        CircleAccess access = access(caller);
        Paging paging = Paging.of(first, max);
        String term = search == null || search.isBlank() ? null : search.strip();
        if (term != null && term.length() > 100) {
            throw CommunityError.badRequest("invalid_request", "search is at most 100 characters");
        }
        CircleStore store = new CircleStore(session);
        String viewer = access.user() == null ? null : access.user().getId();
        return store.list(realm.getId(), access.seesEverything(), access.visibilities(), viewer, null, term, paging.first(),
                paging.max()).stream().map(c -> CircleView.of(c, viewer == null ? null : store.member(c.getId(), viewer))).toList();
    }

    /** A member founds an organic circle: 201 (status {@code pending} when admins approve new circles first). */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response found(byte[] body) {
        UserModel founder = actor();
        CircleRequest request = JsonBody.read(session.getContext().getRequestHeaders(), body, CircleRequest.class, null);
        CircleEntity circle = circles.found(founder, request);
        return Response.status(Response.Status.CREATED).entity(view(circle, founder)).build();
    }

    @GET
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleView get(@PathParam("slug") String slug) {
        Caller caller = Caller.authenticateIfPresent(session);
        CircleEntity circle = visible(slug, access(caller));
        return view(circle, caller == null ? null : caller.user());
    }

    /** Owners change the circle's settings (name, description, visibility, join policy, topic, member limit). */
    @PUT
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleView update(@PathParam("slug") String slug, byte[] body) {
        UserModel owner = actor();
        CircleEntity circle = visible(slug, access(owner));
        requireOwner(circle, owner);
        CircleRequest request = JsonBody.read(session.getContext().getRequestHeaders(), body, CircleRequest.class, null);
        return view(circles.update(circle, request, false), owner);
    }

    @POST
    @Path("{slug}/archive")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleView archive(@PathParam("slug") String slug) {
        UserModel owner = actor();
        CircleEntity circle = visible(slug, access(owner));
        requireOwner(circle, owner);
        return view(circles.archive(circle), owner);
    }

    /** {@code ?status=active} (default) for everyone who sees the members; requested, invited, banned for those who run the circle. */
    @GET
    @Path("{slug}/members")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CircleView.Member> members(@PathParam("slug") String slug, @QueryParam("status") String status,
                                           @QueryParam("first") String first, @QueryParam("max") String max) {
        Caller caller = Caller.authenticateIfPresent(session);
        CircleAccess access = access(caller);
        CircleEntity circle = visible(slug, access);
        Paging paging = Paging.of(first, max);
        CircleStore store = new CircleStore(session);
        CircleMemberEntity own = access.user() == null ? null : store.member(circle.getId(), access.user().getId());
        if (!access.maySeeMembers(circle, own)) {
            throw CommunityError.forbidden("Only the circle's members see who belongs to a secret circle");
        }
        String wanted = status == null || status.isEmpty() ? ACTIVE_LIST : status;
        boolean runs = own != null && CircleRoles.ACTIVE.equals(own.getStatus())
                && (CircleRoles.moderates(own.getRole()) || CircleRoles.STAFF.equals(own.getRole()));
        if (!List.of(CircleRoles.ACTIVE, CircleRoles.REQUESTED, CircleRoles.INVITED, CircleRoles.BANNED).contains(wanted)) {
            throw CommunityError.badRequest("invalid_request", "status is active, requested, invited or banned");
        }
        if (!wanted.equals(ACTIVE_LIST) && !runs && !access.seesEverything()) {
            throw CommunityError.forbidden("Requests, invitations and bans are for the circle's owners, moderators and staff");
        }
        return store.members(circle.getId(), wanted, paging.first(), paging.max()).stream()
                .map(row -> CircleView.Member.of(row, session.users().getUserById(realm, row.getUserId()),
                        access.seesEverything(), runs, access.communityMember() || access.app()))
                .toList();
    }

    /** {@code ?period=week|month|all}: the circle's members by points earned in it, for whoever sees its members. */
    @GET
    @Path("{slug}/leaderboard")
    @Produces(MediaType.APPLICATION_JSON)
    public Leaderboard.Page leaderboard(@PathParam("slug") String slug, @QueryParam("period") String period,
                                        @QueryParam("first") String first, @QueryParam("max") String max) {
        Caller caller = Caller.authenticateIfPresent(session);
        CircleAccess access = access(caller);
        CircleEntity circle = visible(slug, access);
        CircleMemberEntity own = access.user() == null ? null : new CircleStore(session).member(circle.getId(), access.user().getId());
        if (!access.maySeeMembers(circle, own)) {
            throw CommunityError.forbidden("Only the circle's members see who belongs to a secret circle");
        }
        return Leaderboard.readCircle(session, realm, circle.getId(), Leaderboard.period(period), Paging.of(first, max),
                access.user(), access.seesEverything());
    }

    /** Join (open), ask to join (request), or accept an invitation: 201 when this call changed anything, else 200. */
    @POST
    @Path("{slug}/membership")
    @Produces(MediaType.APPLICATION_JSON)
    public Response join(@PathParam("slug") String slug) {
        UserModel user = actor();
        CircleEntity circle = visible(slug, access(user));
        CircleMemberships.Change change = new CircleMemberships(session, realm).join(circle, user);
        return Response.status(change.changed() ? Response.Status.CREATED : Response.Status.OK).entity(view(circle, user)).build();
    }

    @DELETE
    @Path("{slug}/membership")
    public Response leave(@PathParam("slug") String slug) {
        UserModel user = actor();
        new CircleMemberships(session, realm).leave(visible(slug, access(user)), user);
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/members/{userId}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleView.Member approve(@PathParam("slug") String slug, @PathParam("userId") String userId) {
        UserModel by = actor();
        CircleEntity circle = visible(slug, access(by));
        UserModel user = AdminAccess.user(session, realm, userId);
        return member(moderation().decide(circle, Actor.member(by), user, true), user);
    }

    @POST
    @Path("{slug}/members/{userId}/reject")
    public Response reject(@PathParam("slug") String slug, @PathParam("userId") String userId) {
        UserModel by = actor();
        CircleEntity circle = visible(slug, access(by));
        moderation().decide(circle, Actor.member(by), AdminAccess.user(session, realm, userId), false);
        return Response.noContent().build();
    }

    /** {@code {"userId"}} or {@code {"handle"}}: invited (or, if they asked, let in). */
    @POST
    @Path("{slug}/invitations")
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("slug") String slug, byte[] body) {
        UserModel by = actor();
        CircleEntity circle = visible(slug, access(by));
        CircleTarget target = JsonBody.read(session.getContext().getRequestHeaders(), body, CircleTarget.class, null);
        UserModel user = target(target);
        return Response.status(Response.Status.CREATED).entity(member(moderation().invite(circle, Actor.member(by), user), user))
                .build();
    }

    @DELETE
    @Path("{slug}/members/{userId}")
    public Response remove(@PathParam("slug") String slug, @PathParam("userId") String userId,
                           @QueryParam("reason") String reason) {
        UserModel by = actor();
        CircleEntity circle = visible(slug, access(by));
        moderation().remove(circle, Actor.member(by), AdminAccess.user(session, realm, userId), reason);
        return Response.noContent().build();
    }

    @PUT
    @Path("{slug}/bans/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleView.Member ban(@PathParam("slug") String slug, @PathParam("userId") String userId, byte[] body) {
        UserModel by = actor();
        CircleEntity circle = visible(slug, access(by));
        CircleTarget target = JsonBody.read(session.getContext().getRequestHeaders(), body, CircleTarget.class, null);
        UserModel user = AdminAccess.user(session, realm, userId);
        return member(moderation().ban(circle, Actor.member(by), user, target.reason()), user);
    }

    @DELETE
    @Path("{slug}/bans/{userId}")
    public Response unban(@PathParam("slug") String slug, @PathParam("userId") String userId) {
        UserModel by = actor();
        CircleEntity circle = visible(slug, access(by));
        moderation().unban(circle, Actor.member(by), AdminAccess.user(session, realm, userId));
        return Response.noContent().build();
    }

    /** {@code {"role"}}: owners appoint owners and moderators, staff recognized members. */
    @PUT
    @Path("{slug}/members/{userId}/role")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleView.Member setRole(@PathParam("slug") String slug, @PathParam("userId") String userId, byte[] body) {
        UserModel by = actor();
        CircleEntity circle = visible(slug, access(by));
        CircleTarget target = JsonBody.read(session.getContext().getRequestHeaders(), body, CircleTarget.class, null);
        UserModel user = AdminAccess.user(session, realm, userId);
        return member(moderation().setRole(circle, Actor.member(by), user, target.role()), user);
    }

    private CircleModeration moderation() {
        return new CircleModeration(session, realm);
    }

    /** The caller acting for themselves: a user's token allowed to act. */
    private UserModel actor() {
        return Caller.authenticate(session).requireAct().user();
    }

    private CircleAccess access(Caller caller) {
        return caller == null ? CircleAccess.ANONYMOUS : new CircleAccess(caller.user(), caller.isActiveMember(),
                caller.isAppWith(CommunityInstaller.VIEW_MEMBERS_ROLE), !caller.isServiceAccount() && caller.isUserAdmin(),
                false);
    }

    private CircleAccess access(UserModel actor) {
        return new CircleAccess(actor, io.kccommunity.membership.Memberships.isActive(realm, actor), false, false, false);
    }

    /** The circle, if this reader may see it; 404 otherwise, as for one that does not exist. */
    private CircleEntity visible(String slug, CircleAccess access) {
        CircleEntity circle = circles.require(slug);
        CircleMemberEntity row = access.user() == null ? null : new CircleStore(session).member(circle.getId(), access.user().getId());
        if (!access.maySee(circle, row)) {
            throw CommunityError.notFound("circle_not_found", "No circle with this slug");
        }
        return circle;
    }

    private void requireOwner(CircleEntity circle, UserModel user) {
        CircleMemberEntity row = new CircleStore(session).member(circle.getId(), user.getId());
        if (row == null || !CircleRoles.ACTIVE.equals(row.getStatus()) || !CircleRoles.OWNER.equals(row.getRole())) {
            throw CommunityError.forbidden("Only the circle's owners change its settings");
        }
    }

    private UserModel target(CircleTarget target) {
        if ((target.userId() == null) == (target.handle() == null)) {
            throw CommunityError.badRequest("invalid_request", "Name the user by userId or by handle");
        }
        UserModel user = target.userId() != null ? AdminAccess.user(session, realm, target.userId())
                : Directory.holder(session, realm, target.handle());
        if (user == null) {
            throw CommunityError.notFound("user_not_found", "No user with this handle");
        }
        return user;
    }

    private CircleView view(CircleEntity circle, UserModel reader) {
        return CircleView.of(circle, reader == null ? null : new CircleStore(session).member(circle.getId(), reader.getId()));
    }

    private CircleView.Member member(CircleMemberEntity row, UserModel user) {
        return CircleView.Member.of(row, user, true, true);
    }
}
