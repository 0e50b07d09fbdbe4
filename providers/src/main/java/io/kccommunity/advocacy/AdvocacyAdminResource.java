package io.kccommunity.advocacy;

import io.kccommunity.membership.MemberStore;
import io.kccommunity.reputation.ReputationRules;
import io.kccommunity.support.Text;
import io.kccommunity.reputation.ReputationStore;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /admin/realms/{realm}/community/advocacy}: promotion rules, a member's roles with their
 * history, manual grants (sticky, optionally expiring) and revocations, nominations, and the sweep.
 * Every change is an admin event.
 */
public class AdvocacyAdminResource {

    public static final String RULES_EVENT = "COMMUNITY_ADVOCACY_RULES";
    public static final String ROLE_EVENT = "COMMUNITY_ROLE";
    public static final String NOMINATION_EVENT = "COMMUNITY_NOMINATION";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;

    public AdvocacyAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
    }

    @GET
    @Path("rules")
    @Produces(MediaType.APPLICATION_JSON)
    public AdvocacyRules rules() {
        access.viewRealm();
        return AdvocacyRules.read(realm);
    }

    /** Roles given replace their settings, roles left out keep them; validated as a whole. */
    @PUT
    @Path("rules")
    @Produces(MediaType.APPLICATION_JSON)
    public AdvocacyRules updateRules(byte[] body) {
        access.manageRealm();
        AdvocacyRules update = JsonBody.read(session.getContext().getRequestHeaders(), body, AdvocacyRules.class, null);
        AdvocacyRules current = AdvocacyRules.read(realm);
        AdvocacyRules next = update.over(current).validate(realm, ReputationRules.read(realm));
        if (update.roles() != null) {
            update.roles().keySet().forEach(role -> access.mapRole(next.realmRole(realm, role)));
        }
        if (!next.equals(current)) {
            next.write(realm);
            event(OperationType.UPDATE, RULES_EVENT, next, "community", "advocacy", "rules");
        }
        return next;
    }

    @GET
    @Path("members/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> member(@PathParam("userId") String userId, @QueryParam("first") String first,
                                      @QueryParam("max") String max) {
        access.viewUsers();
        return view(session, user(userId), Paging.of(first, max));
    }


    private static Map<String, Object> view(KeycloakSession s, UserModel user, Paging paging) {
        RealmModel realm = s.getContext().getRealm();
        Advocacy advocacy = new Advocacy(s, realm);
        RoleViews.Standing standing = RoleViews.standing(advocacy, user, new MemberStore(s).find(realm.getId(), user.getId()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("roles", standing.roles());
        view.put("progress", standing.progress());
        view.put("history", advocacy.history(user, paging.first(), paging.max()).stream().map(RoleViews.Change::of).toList());
        return view;
    }

    /** {@code {"reason": "...", "expiresAt": "2027-01-01T00:00:00Z"}}: reason required, expiry optional and in the future. */
    @PUT
    @Path("members/{userId}/roles/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> grant(@PathParam("userId") String userId, @PathParam("role") String role, byte[] body) {
        access.manageUsers();
        UserModel user = user(userId);
        new Advocacy(session, realm).requireRole(role);
        if (AdvocacyRules.BOARD.equals(role)) {
            throw CommunityError.badRequest("invalid_request", "board-member is granted by elections only");
        }
        access.mapRole(user, AdvocacyRules.read(realm).realmRole(realm, role));
        Grant grant = JsonBody.read(session.getContext().getRequestHeaders(), body, Grant.class, null);
        String reason = required(grant.reason());
        Long expiresAt = expiry(grant.expiresAt());
        String admin = access.adminUserId();
        boolean changed = new Advocacy(session, realm).grant(user, role, Advocacy.MANUAL, admin, reason, expiresAt);
        if (changed) {
            event(OperationType.CREATE, ROLE_EVENT, Map.of("role", role, "reason", reason,
                    "expiresAt", grant.expiresAt() == null ? "" : grant.expiresAt()), path(user, "roles", role));
        }
        return view(session, user, Paging.of(null, null));
    }

    @DELETE
    @Path("members/{userId}/roles/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> revoke(@PathParam("userId") String userId, @PathParam("role") String role,
                                      @QueryParam("reason") String reason) {
        access.manageUsers();
        UserModel user = user(userId);
        new Advocacy(session, realm).requireRole(role);
        access.mapRole(user, AdvocacyRules.read(realm).realmRole(realm, role));
        String why = required(reason);
        String admin = access.adminUserId();
        if (!new Advocacy(session, realm).revoke(user, role, admin, why)) {
            throw CommunityError.notFound("role_not_held", "The member does not hold this role");
        }
        event(OperationType.DELETE, ROLE_EVENT, Map.of("role", role, "reason", why), path(user, "roles", role));
        return view(session, user, Paging.of(null, null));
    }

    /** Nominates a member for a role whose rule asks for a nomination; the rule is checked at once. */
    @PUT
    @Path("members/{userId}/nominations/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> nominate(@PathParam("userId") String userId, @PathParam("role") String role) {
        access.manageUsers();
        UserModel user = user(userId);
        String admin = access.adminUserId();
        Advocacy advocacy = new Advocacy(session, realm);
        var member = new ReputationStore(session).lockMember(realm.getId(), user.getId());
        if (member == null) {
            throw CommunityError.notFound("not_a_member", "The user is not a member");
        }
        boolean changed = new RoleNominations(session, realm).nominate(user, role, admin);
        advocacy.evaluate(user, member);
        if (changed) {
            event(OperationType.CREATE, NOMINATION_EVENT, Map.of("role", role), path(user, "nominations", role));
        }
        return view(session, user, Paging.of(null, null));
    }

    @DELETE
    @Path("members/{userId}/nominations/{role}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> withdraw(@PathParam("userId") String userId, @PathParam("role") String role) {
        access.manageUsers();
        UserModel user = user(userId);
        if (!new RoleNominations(session, realm).withdrawNomination(user, role)) {
            throw CommunityError.notFound("nomination_not_found", "The member is not nominated for this role");
        }
        event(OperationType.DELETE, NOMINATION_EVENT, Map.of("role", role), path(user, "nominations", role));
        return view(session, user, Paging.of(null, null));
    }

    /** Runs the sweep for this realm now (expiries, term-ending notices, time-based rules, grace periods). */
    @POST
    @Path("sweep")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> sweep() {
        access.manageRealm();
        int[] changes = AdvocacySweep.sweep(session, realm);
        return Map.of("granted", changes[0], "revoked", changes[1], "reminded", changes[2]);
    }

    /** The latest timed sweeps of this realm: when, on which node, what they changed, whether they finished. */
    @GET
    @Path("sweeps")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RoleViews.Sweep> sweeps(@QueryParam("first") String first, @QueryParam("max") String max) {
        access.viewRealm();
        return new AdvocacyStore(session).sweepRuns(realm.getId(), Paging.of(first, max)).stream()
                .map(RoleViews.Sweep::of).toList();
    }

    public record Grant(String reason, String expiresAt) {
    }

    private static String required(String reason) {
        String clean = Text.clean("reason", reason, 500);
        if (clean == null) {
            throw Text.invalid("reason", "is required");
        }
        return clean;
    }

    private static Long expiry(String value) {
        if (value == null) {
            return null;
        }
        try {
            long at = Instant.parse(value).toEpochMilli();
            if (at <= Time.currentTimeMillis()) {
                throw Text.invalid("expiresAt", "must be in the future");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw Text.invalid("expiresAt", "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
        }
    }

    private static String[] path(UserModel user, String kind, String role) {
        return new String[] {"community", "advocacy", "members", user.getId(), kind, role};
    }

    private void event(OperationType operation, String resource, Object representation, String... path) {
        adminEvent.operation(operation).resource(resource).resourcePath(path).representation(representation).success();
    }

    private UserModel user(String userId) {
        return AdminAccess.user(session, realm, userId);
    }
}
