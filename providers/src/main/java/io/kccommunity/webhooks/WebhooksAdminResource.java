package io.kccommunity.webhooks;

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
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /admin/realms/{realm}/community/webhooks}: the realm's webhooks. Reading needs
 * {@code view-realm}, every change {@code manage-realm}; each change is an admin event (without the
 * secret). The secret is returned by creation and rotation only.
 */
public class WebhooksAdminResource {

    public static final String EVENT_RESOURCE = "COMMUNITY_WEBHOOK";
    static final int MAX_PER_REALM = 20;
    /** How long a rotated secret still signs, next to the new one. */
    static final long PREVIOUS_SECRET_MILLIS = 86_400_000L;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;
    private final WebhookStore store;

    public WebhooksAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
        this.store = new WebhookStore(session);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<WebhookView> list() {
        access.viewRealm();
        return store.list(realm.getId()).stream().map(w -> WebhookView.of(w, store.pending(w.getId()), null)).toList();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(byte[] body) {
        access.manageRealm();
        WebhookRequest request = JsonBody.read(session.getContext().getRequestHeaders(), body, WebhookRequest.class, null);
        WebhookEntity webhook = new WebhookEntity();
        webhook.setId(KeycloakModelUtils.generateId());
        webhook.setRealmId(realm.getId());
        webhook.setEnabled(true);
        request.applyTo(webhook, targets());
        if (store.count(realm.getId()) >= MAX_PER_REALM) {
            throw CommunityError.conflict("too_many_webhooks", "A realm has at most " + MAX_PER_REALM + " webhooks");
        }
        webhook.setSecret(Signatures.newSecret());
        webhook.setCreatedAt(store.now());
        store.persist(webhook);
        store.flush();
        Webhooks.forget(session, realm);
        WebhookView view = WebhookView.of(webhook, 0, null);
        event(OperationType.CREATE, view, webhook.getId());
        return Response.status(Response.Status.CREATED).entity(WebhookView.of(webhook, 0, webhook.getSecret())).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookView get(@PathParam("id") String id) {
        access.viewRealm();
        WebhookEntity webhook = require(id);
        return WebhookView.of(webhook, store.pending(id), null);
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookView update(@PathParam("id") String id, byte[] body) {
        access.manageRealm();
        WebhookEntity webhook = require(id);
        WebhookRequest request = JsonBody.read(session.getContext().getRequestHeaders(), body, WebhookRequest.class, null);
        request.applyTo(webhook, targets());
        if (webhook.isEnabled()) {
            webhook.setFailingSince(null);
        }
        store.flush();
        Webhooks.forget(session, realm);
        WebhookView view = WebhookView.of(webhook, store.pending(id), null);
        event(OperationType.UPDATE, view, id);
        if (webhook.isEnabled()) {
            Webhooks.nudgeAfterCommit(session);
        }
        return view;
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        access.manageRealm();
        store.delete(require(id));
        Webhooks.forget(session, realm);
        event(OperationType.DELETE, null, id);
        return Response.noContent().build();
    }

    /** A new secret; the previous one goes on signing, as a second signature, for a day. */
    @POST
    @Path("{id}/rotate-secret")
    @Produces(MediaType.APPLICATION_JSON)
    public WebhookView.Rotated rotate(@PathParam("id") String id) {
        access.manageRealm();
        WebhookEntity webhook = require(id);
        long until = store.now() + PREVIOUS_SECRET_MILLIS;
        webhook.setPreviousSecret(webhook.getSecret());
        webhook.setPreviousSecretUntil(until);
        webhook.setSecret(Signatures.newSecret());
        store.flush();
        event(OperationType.ACTION, Map.of("action", "rotate-secret"), id, "rotate-secret");
        return new WebhookView.Rotated(id, webhook.getSecret(), WebhookView.time(until));
    }

    /** Sends a {@code webhook.ping} message to this webhook, whatever it subscribes to. */
    @POST
    @Path("{id}/ping")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ping(@PathParam("id") String id) {
        access.manageRealm();
        WebhookEntity webhook = require(id);
        if (!webhook.isEnabled()) {
            throw CommunityError.conflict("webhook_disabled", "The webhook is disabled; enable it first");
        }
        Webhooks.enqueue(session, realm, List.of(webhook), WebhookEvents.PING, Map.of("webhookId", id));
        return Response.accepted(Map.of("id", id, "type", WebhookEvents.PING)).build();
    }

    /** The delivery log, newest first. */
    @GET
    @Path("{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public List<WebhookView.Attempt> deliveries(@PathParam("id") String id, @QueryParam("first") String first,
                                                @QueryParam("max") String max) {
        access.viewRealm();
        Paging paging = Paging.of(first, max);
        require(id);
        return store.attempts(id, paging.first(), paging.max()).stream().map(WebhookView.Attempt::of).toList();
    }

    private WebhookEntity require(String id) {
        WebhookEntity webhook = id == null || id.length() > 36 ? null : store.find(realm.getId(), id);
        if (webhook == null) {
            throw CommunityError.notFound("webhook_not_found", "No webhook with this id");
        }
        return webhook;
    }

    private WebhookTargets targets() {
        WebhookDispatcher dispatcher = Webhooks.dispatcher(session.getKeycloakSessionFactory());
        if (dispatcher == null) {
            throw new IllegalStateException("the community event listener is not running");
        }
        return dispatcher.targets();
    }

    private void event(OperationType operation, Object representation, String... path) {
        AdminAccess.event(adminEvent, operation, EVENT_RESOURCE, representation, "webhooks", path);
    }
}
