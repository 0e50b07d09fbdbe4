package io.kccommunity.membership;

import io.kccommunity.web.AdminAccess;
import io.kccommunity.web.CommunityError;
import io.kccommunity.web.Paging;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /admin/realms/{realm}/community/members}: list memberships, approve or reject requests,
 * invite users and remove members. Every change is an admin event.
 */
public class MembersAdminResource {

    public static final String EVENT_RESOURCE = "COMMUNITY_MEMBERSHIP";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;
    private final Memberships memberships;

    public MembersAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access,
                                AdminEventBuilder adminEvent, Memberships memberships) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
        this.memberships = memberships;
    }

    /** Paged list, oldest request first; {@code status} filters (e.g. {@code pending}). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<AdminMemberView> list(@QueryParam("status") String status, @QueryParam("first") String first,
                                      @QueryParam("max") String max) {
        access.viewUsers();
        MembershipStatus filter = null;
        if (status != null && !status.isEmpty()) {
            filter = MembershipStatus.fromId(status);
            if (filter == null) {
                throw CommunityError.badRequest("invalid_request", "status must be one of invited, pending, active, rejected, left");
            }
        }
        Paging paging = Paging.of(first, max);
        return new MemberStore(session).list(realm.getId(), filter, paging.first(), paging.max())
                .map(m -> AdminMemberView.of(m, session.users().getUserById(realm, m.getUserId())))
                .toList();
    }

    @GET
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public AdminMemberView get(@PathParam("userId") String userId) {
        access.viewUsers();
        UserModel user = user(userId);
        return AdminMemberView.of(memberships.find(user), user);
    }

    @POST
    @Path("{userId}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public AdminMemberView approve(@PathParam("userId") String userId) {
        UserModel user = manageableUser(userId);
        return recorded(OperationType.ACTION, user, memberships.approve(user), "approve");
    }

    @POST
    @Path("{userId}/reject")
    @Produces(MediaType.APPLICATION_JSON)
    public AdminMemberView reject(@PathParam("userId") String userId) {
        UserModel user = manageableUser(userId);
        return recorded(OperationType.ACTION, user, memberships.reject(user), "reject");
    }

    @POST
    @Path("{userId}/invite")
    @Produces(MediaType.APPLICATION_JSON)
    public AdminMemberView invite(@PathParam("userId") String userId) {
        UserModel user = manageableUser(userId);
        Memberships.Change change = memberships.invite(user);
        return change.changed()
                ? recorded(OperationType.CREATE, user, change.member(), "invite")
                : AdminMemberView.of(change.member(), user);
    }

    @DELETE
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public AdminMemberView remove(@PathParam("userId") String userId) {
        UserModel user = manageableUser(userId);
        return recorded(OperationType.DELETE, user, memberships.remove(user), null);
    }

    private AdminMemberView recorded(OperationType operation, UserModel user, MemberEntity member, String action) {
        AdminMemberView view = AdminMemberView.of(member, user);
        adminEvent.operation(operation)
                .resource(EVENT_RESOURCE)
                .resourcePath(action == null ? new String[] {"community", "members", user.getId()}
                        : new String[] {"community", "members", user.getId(), action})
                .representation(view)
                .success();
        return view;
    }

    private UserModel manageableUser(String userId) {
        access.manageUsers();
        return user(userId);
    }

    private UserModel user(String userId) {
        return AdminAccess.user(session, realm, userId);
    }
}
