package io.kccommunity.reputation;

import io.kccommunity.membership.MemberStore;
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
 * {@code /admin/realms/{realm}/community/reputation}: the rules (points, cap, floor, sources, levels,
 * badges), any member's reputation and history, adjustments and hand-awarded badges. Every change
 * is an admin event.
 */
public class ReputationAdminResource {

    public static final String RULES_EVENT = "COMMUNITY_REPUTATION_RULES";
    public static final String REPUTATION_EVENT = "COMMUNITY_REPUTATION";
    public static final String BADGE_EVENT = "COMMUNITY_BADGE";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;

    public ReputationAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access,
                                   AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
    }

    @GET
    @Path("rules")
    @Produces(MediaType.APPLICATION_JSON)
    public ReputationRules rules() {
        access.viewRealm();
        return ReputationRules.read(realm);
    }

    /** Fields left out keep their value; the whole result is validated before anything is saved. */
    @PUT
    @Path("rules")
    @Produces(MediaType.APPLICATION_JSON)
    public ReputationRules updateRules(byte[] body) {
        access.manageRealm();
        ReputationRules update = JsonBody.read(session.getContext().getRequestHeaders(), body, ReputationRules.class, null);
        ReputationRules current = ReputationRules.read(realm);
        ReputationRules next = update.over(current);
        if (!next.equals(current)) {
            next.write(realm);
            event(OperationType.UPDATE, RULES_EVENT, next, "community", "reputation", "rules");
        }
        return next;
    }

    @GET
    @Path("members/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ReputationSummary member(@PathParam("userId") String userId) {
        access.viewUsers();
        UserModel user = user(userId);
        return ReputationSummary.of(session, realm, user, new MemberStore(session).find(realm.getId(), user.getId()),
                null);
    }

    @GET
    @Path("members/{userId}/events")
    @Produces(MediaType.APPLICATION_JSON)
    public List<EventView> history(@PathParam("userId") String userId, @QueryParam("first") String first,
                                   @QueryParam("max") String max) {
        access.viewUsers();
        return History.page(session, realm, user(userId), Paging.of(first, max), null);
    }

    /** {@code {"points": -20, "reason": "..."}}: not capped; the floor holds; the reason is required. */
    @POST
    @Path("members/{userId}/adjustments")
    @Produces(MediaType.APPLICATION_JSON)
    public Response adjust(@PathParam("userId") String userId, byte[] body) {
        access.manageUsers();
        UserModel user = user(userId);
        Adjustment adjustment = JsonBody.read(session.getContext().getRequestHeaders(), body, Adjustment.class, null);
        if (adjustment.points() == null) {
            throw CommunityError.badRequest("invalid_points", "points is required");
        }
        EventView view = EventView.of(new Ledger(session, realm).adjust(user, adjustment.points(), adjustment.reason()));
        event(OperationType.CREATE, REPUTATION_EVENT, view, "community", "reputation", "members", user.getId(),
                "adjustments", view.id());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @PUT
    @Path("members/{userId}/badges/{badgeId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ReputationSummary award(@PathParam("userId") String userId, @PathParam("badgeId") String badgeId) {
        access.manageUsers();
        UserModel user = user(userId);
        String adminId = access.adminUserId();
        boolean awarded = badges().grant(user, badgeId, adminId);
        if (awarded) {
            event(OperationType.CREATE, BADGE_EVENT, Map.of("badge", badgeId), "community", "reputation",
                    "members", user.getId(), "badges", badgeId);
        }
        return member(userId);
    }

    @DELETE
    @Path("members/{userId}/badges/{badgeId}")
    @Produces(MediaType.APPLICATION_JSON)
    public ReputationSummary revoke(@PathParam("userId") String userId, @PathParam("badgeId") String badgeId) {
        access.manageUsers();
        UserModel user = user(userId);
        if (!badges().revoke(user, badgeId)) {
            throw CommunityError.notFound("badge_not_held", "The member does not hold this badge");
        }
        event(OperationType.DELETE, BADGE_EVENT, Map.of("badge", badgeId), "community", "reputation",
                "members", user.getId(), "badges", badgeId);
        return member(userId);
    }


    public record Adjustment(Integer points, String reason) {
    }

    private void event(OperationType operation, String resource, Object representation, String... path) {
        adminEvent.operation(operation).resource(resource).resourcePath(path).representation(representation).success();
    }

    private Badges badges() {
        return new Badges(session, realm, ReputationRules.read(realm));
    }

    private UserModel user(String userId) {
        return AdminAccess.user(session, realm, userId);
    }
}
