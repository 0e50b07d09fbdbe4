package io.kccommunity.reputation;

import io.kccommunity.setup.CommunityInstaller;
import io.kccommunity.web.Caller;
import io.kccommunity.web.CommunityError;
import io.kccommunity.web.JsonBody;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code /realms/{realm}/community/reputation}: apps award and reverse points. Only service accounts
 * holding the {@code award-reputation} role of the {@code community-api} client may call it; the
 * app's client id is the events' source, and idempotency keys are unique per source.
 */
public class ReputationResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String source;

    public ReputationResource(KeycloakSession session, RealmModel realm, Caller caller) {
        if (!caller.isAppWith(CommunityInstaller.AWARD_ROLE)) {
            throw CommunityError.forbidden("Only an app's service account with the " + CommunityInstaller.AWARD_ROLE
                    + " role of " + CommunityInstaller.API_CLIENT + " may award reputation");
        }
        this.session = session;
        this.realm = realm;
        this.source = realm.getClientById(caller.user().getServiceAccountClientLink()).getClientId();
        // an app's events are keyed by its client id: one named like the ledger's own sources could reverse
        // admins' adjustments or take the keys of built-in awards
        if (Ledger.COMMUNITY_SOURCE.equals(source) || Ledger.ADMIN_SOURCE.equals(source)) {
            throw CommunityError.forbidden("An app whose client id is '" + source + "' may not award reputation: "
                    + Ledger.COMMUNITY_SOURCE + " and " + Ledger.ADMIN_SOURCE + " name the ledger's own sources");
        }
    }

    /** One event (answers one event) or an array of up to 500 (answers {@code {"events": [...]}}), all or none. */
    @POST
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    public Response record(byte[] body) {
        JsonBody.OneOrMany<EventRequest> request = JsonBody.readOneOrMany(session.getContext().getRequestHeaders(), body,
                EventRequest.class, "events", JsonBody.MAX_BATCH_BYTES);
        List<EventView> views = new Ledger(session, realm).record(source, request.items(), request.many()).stream()
                .map(EventView::of).toList();
        boolean created = views.stream().anyMatch(v -> !v.replayed());
        Object entity = request.many() ? Map.of("events", views) : views.get(0);
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(entity).build();
    }

    /** Reverses one of this app's events; a repeated reversal answers the first one. */
    @POST
    @Path("events/{id}/reversal")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reverse(@PathParam("id") String id, byte[] body) {
        ReversalRequest request = JsonBody.read(session.getContext().getRequestHeaders(), body, ReversalRequest.class,
                new ReversalRequest(null));
        EventView view = EventView.of(new Ledger(session, realm).reverse(source, id, request.reason()));
        return Response.status(view.replayed() ? Response.Status.OK : Response.Status.CREATED).entity(view).build();
    }

    public record ReversalRequest(String reason) {
    }
}
