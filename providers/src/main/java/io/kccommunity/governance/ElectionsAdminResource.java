package io.kccommunity.governance;

import io.kccommunity.advocacy.AdvocacyAdminResource;
import io.kccommunity.advocacy.AdvocacyRules;
import io.kccommunity.web.AdminAccess;
import io.kccommunity.web.CommunityError;
import io.kccommunity.web.JsonBody;
import io.kccommunity.web.Paging;
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
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /admin/realms/{realm}/community/elections}: create and edit (drafts), move through the
 * phases, read the count before certifying. No call here, or anywhere, shows how anyone voted.
 */
public class ElectionsAdminResource {

    public static final String EVENT_RESOURCE = "COMMUNITY_ELECTION";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;
    private final Elections elections;

    public ElectionsAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
        this.elections = new Elections(session, realm);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ElectionView> list(@QueryParam("first") String first, @QueryParam("max") String max) {
        access.viewRealm();
        Paging paging = Paging.of(first, max);
        return elections.list(true, paging.first(), paging.max()).stream().map(this::view).toList();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        access.manageRealm();
        ElectionEntity election = elections.create(request(body));
        ElectionView view = view(election);
        event(OperationType.CREATE, view, election.getId());
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ElectionView get(@PathParam("id") String id) {
        access.viewRealm();
        return view(elections.current(elections.require(id)));
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ElectionView edit(@PathParam("id") String id, byte[] body) {
        access.manageRealm();
        elections.require(id);
        ElectionView view = view(elections.edit(id, request(body)));
        event(OperationType.UPDATE, view, id);
        return view;
    }

    /** open-nominations, open-voting, close, certify (grants the winners' role for the term) or cancel. */
    @POST
    @Path("{id}/{action:open-nominations|open-voting|close|certify|cancel}")
    @Produces(MediaType.APPLICATION_JSON)
    public ElectionView advance(@PathParam("id") String id, @PathParam("action") String action) {
        access.manageRealm();
        ElectionEntity current = elections.require(id);
        if ("certify".equals(action)) {
            mayGrant(current.getWinnerRole());
        }
        ElectionEntity election = elections.advance(id, action);
        ElectionView view = view(election);
        event(OperationType.ACTION, Map.of("action", action, "phase", election.getPhase()), id, action);
        if ("certify".equals(action) && election.getWinnerRole() != null) {
            for (String winner : elections.winners(election)) {
                adminEvent.operation(OperationType.CREATE).resource(AdvocacyAdminResource.ROLE_EVENT)
                        .resourcePath("community", "advocacy", "members", winner, "roles", election.getWinnerRole())
                        .representation(Map.of("role", election.getWinnerRole(), "source", "election", "election", id))
                        .success();
            }
        }
        return view;
    }

    /** The count of a closed election, for the admins who certify it (members see it once certified). */
    @GET
    @Path("{id}/results")
    @Produces(MediaType.APPLICATION_JSON)
    public ElectionView.Results results(@PathParam("id") String id) {
        access.viewRealm();
        ElectionEntity election = elections.current(elections.require(id));
        if (!List.of("closed", "certified").contains(election.getPhase())) {
            throw CommunityError.conflict("not_closed", "The count is available once voting has closed");
        }
        return ElectionView.results(elections, new Certification(session, realm), election);
    }

    private ElectionRequest request(byte[] body) {
        ElectionRequest request = JsonBody.read(session.getContext().getRequestHeaders(), body, ElectionRequest.class, null);
        mayGrant(request.winnerRole());
        return request;
    }

    /** The admin who sets up or certifies an election must be allowed to map the role its winners receive. */
    private void mayGrant(String winnerRole) {
        if (winnerRole != null && AdvocacyRules.ROLES.contains(winnerRole)) {
            access.mapRole(AdvocacyRules.read(realm).realmRole(realm, winnerRole));
        }
    }

    private ElectionView view(ElectionEntity election) {
        return ElectionView.of(session, realm, elections, election, null, true);
    }

    private void event(OperationType operation, Object representation, String... path) {
        AdminAccess.event(adminEvent, operation, EVENT_RESOURCE, representation, "elections", path);
    }
}
