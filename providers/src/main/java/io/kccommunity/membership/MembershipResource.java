package io.kccommunity.membership;

import io.kccommunity.support.Text;
import io.kccommunity.web.Caller;
import io.kccommunity.web.CommunityError;
import io.kccommunity.web.JsonBody;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/community/membership}: the calling user joins, reads or leaves. */
public class MembershipResource {

    private final KeycloakSession session;
    private final Caller caller;
    private final Memberships memberships;

    public MembershipResource(KeycloakSession session, Caller caller, Memberships memberships) {
        this.session = session;
        this.caller = caller;
        this.memberships = memberships;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public MembershipView get() {
        caller.requireRead();
        return MembershipView.of(memberships.find(caller.user()));
    }

    /** Joins: 201 when this call created or renewed the membership, 200 when nothing changed. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response join(byte[] body) {
        if (caller.isServiceAccount()) {
            throw CommunityError.forbidden("Service accounts cannot join the community");
        }
        caller.requireAct();
        JoinRequest request = JsonBody.read(session.getContext().getRequestHeaders(), body, JoinRequest.class, JoinRequest.EMPTY);
        Memberships.Change change = memberships.join(caller.user(),
                Text.clean("acceptedCodeOfConductVersion", request.acceptedCodeOfConductVersion(), 64));
        return Response.status(change.changed() ? Response.Status.CREATED : Response.Status.OK)
                .entity(MembershipView.of(change.member()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @DELETE
    public Response leave() {
        caller.requireAct();
        memberships.leave(caller.user());
        return Response.noContent().build();
    }
}
