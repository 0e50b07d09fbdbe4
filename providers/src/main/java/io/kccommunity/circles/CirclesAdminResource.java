package io.kccommunity.circles;

import io.kccommunity.web.AdminAccess;
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
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /admin/realms/{realm}/community/circles}: the founding settings, every circle (pending ones
 * to approve or reject), sponsored circles and their staff, and anything owners could do. Circles and
 * settings need {@code view-realm} / {@code manage-realm}; members {@code view-users} / {@code manage-users}.
 * Each change is an admin event ({@value #EVENT_RESOURCE}, {@value #MEMBER_EVENT}).
 */
public class CirclesAdminResource {

    public static final String EVENT_RESOURCE = "COMMUNITY_CIRCLE";
    public static final String MEMBER_EVENT = "COMMUNITY_CIRCLE_MEMBER";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;
    private final Circles circles;

    public CirclesAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
        this.circles = new Circles(session, realm);
    }

    @GET
    @Path("settings")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleSettings settings() {
        access.viewRealm();
        return CircleSettings.read(realm);
    }

    @PUT
    @Path("settings")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleSettings updateSettings(byte[] body) {
        access.manageRealm();
        CircleSettings update = JsonBody.read(session.getContext().getRequestHeaders(), body, CircleSettings.class, null).checked();
        CircleSettings next = CircleSettings.read(realm).with(update);
        next.write(realm);
        event(OperationType.UPDATE, EVENT_RESOURCE, next, "settings");
        return next;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<CircleView> list(@QueryParam("status") String status, @QueryParam("search") String search,
                                 @QueryParam("first") String first, @QueryParam("max") String max) {
        access.viewRealm();
        Paging paging = Paging.of(first, max);
        if (status != null && !List.of(CircleRoles.ACTIVE, CircleRoles.PENDING, CircleRoles.ARCHIVED).contains(status)) {
            throw CommunityError.badRequest("invalid_request", "status is active, pending or archived");
        }
        String term = search == null || search.isBlank() ? null : search.strip();
        if (term != null && term.length() > 100) {
            throw CommunityError.badRequest("invalid_request", "search is at most 100 characters");
        }
        return new CircleStore(session).list(realm.getId(), true, List.of(), null, status, term, paging.first(), paging.max())
                .stream().map(c -> CircleView.of(c, null)).toList();
    }

    /** A sponsored circle: {@code staff} are community members' user ids. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        access.manageRealm();
        CircleRequest request = JsonBody.read(session.getContext().getRequestHeaders(), body, CircleRequest.class, null);
        CircleView view = CircleView.of(circles.createSponsored(access.adminUserId(), request), null);
        event(OperationType.CREATE, EVENT_RESOURCE, view, view.slug());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleView get(@PathParam("slug") String slug) {
        access.viewRealm();
        return CircleView.of(circles.require(slug), null);
    }

    @PUT
    @Path("{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleView update(@PathParam("slug") String slug, byte[] body) {
        access.manageRealm();
        CircleEntity circle = circles.require(slug);
        CircleRequest request = JsonBody.read(session.getContext().getRequestHeaders(), body, CircleRequest.class, null);
        CircleView view = CircleView.of(circles.update(circle, request, true), null);
        event(OperationType.UPDATE, EVENT_RESOURCE, view, slug);
        return view;
    }

    @DELETE
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        access.manageRealm();
        circles.delete(circles.require(slug));
        event(OperationType.DELETE, EVENT_RESOURCE, null, slug);
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/{decision:approve|reject}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response decide(@PathParam("slug") String slug, @PathParam("decision") String decision) {
        access.manageRealm();
        CircleEntity circle = circles.require(slug);
        if ("reject".equals(decision)) {
            circles.reject(circle);
            event(OperationType.DELETE, EVENT_RESOURCE, Map.of("decision", decision), slug, decision);
            return Response.noContent().build();
        }
        CircleView view = CircleView.of(circles.approve(circle), null);
        event(OperationType.ACTION, EVENT_RESOURCE, Map.of("decision", decision), slug, decision);
        return Response.ok(view).build();
    }

    @GET
    @Path("{slug}/members")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CircleView.Member> members(@PathParam("slug") String slug, @QueryParam("status") String status,
                                           @QueryParam("first") String first, @QueryParam("max") String max) {
        access.viewUsers();
        CircleEntity circle = circles.require(slug);
        Paging paging = Paging.of(first, max);
        String wanted = status == null || status.isEmpty() ? CircleRoles.ACTIVE : status;
        if (!List.of(CircleRoles.ACTIVE, CircleRoles.REQUESTED, CircleRoles.INVITED, CircleRoles.BANNED).contains(wanted)) {
            throw CommunityError.badRequest("invalid_request", "status is active, requested, invited or banned");
        }
        return new CircleStore(session).members(circle.getId(), wanted, paging.first(), paging.max()).stream()
                .map(row -> CircleView.Member.of(row, session.users().getUserById(realm, row.getUserId()), true, true))
                .toList();
    }

    /** {@code {"role"}}: adds a community member to the circle in that role, or changes their role (staff too). */
    @PUT
    @Path("{slug}/members/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public CircleView.Member putMember(@PathParam("slug") String slug, @PathParam("userId") String userId, byte[] body) {
        access.manageUsers();
        CircleEntity circle = circles.require(slug);
        UserModel user = AdminAccess.user(session, realm, userId);
        CircleTarget target = JsonBody.read(session.getContext().getRequestHeaders(), body, CircleTarget.class, null);
        CircleMemberEntity row = new CircleModeration(session, realm).setRole(circle, Actor.admin(access.adminUserId()), user,
                target.role());
        event(OperationType.UPDATE, MEMBER_EVENT, Map.of("role", row.getRole()), slug, "members", userId);
        return CircleView.Member.of(row, user, true, true);
    }

    @DELETE
    @Path("{slug}/members/{userId}")
    public Response removeMember(@PathParam("slug") String slug, @PathParam("userId") String userId,
                                 @QueryParam("reason") String reason) {
        access.manageUsers();
        CircleEntity circle = circles.require(slug);
        new CircleModeration(session, realm).remove(circle, Actor.admin(access.adminUserId()),
                AdminAccess.user(session, realm, userId), reason);
        event(OperationType.DELETE, MEMBER_EVENT, reason == null ? null : Map.of("reason", reason), slug, "members", userId);
        return Response.noContent().build();
    }

    private void event(OperationType operation, String resource, Object representation, String... path) {
        AdminAccess.event(adminEvent, operation, resource, representation, "circles", path);
    }
}
