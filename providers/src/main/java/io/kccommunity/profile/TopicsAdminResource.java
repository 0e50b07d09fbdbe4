package io.kccommunity.profile;

import io.kccommunity.web.AdminAccess;
import io.kccommunity.web.JsonBody;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /admin/realms/{realm}/community/topics}: the interest topics and their names. A {@code PUT}
 * replaces the list, which becomes the options of the profile field {@code interests}, labelled in
 * every language a topic has a name in.
 */
public class TopicsAdminResource {

    public static final String EVENT_RESOURCE = "COMMUNITY_TOPICS";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;

    public TopicsAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Topics get() {
        access.viewRealm();
        return Topics.read(realm);
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Topics update(byte[] body) {
        access.manageRealm();
        Topics next = JsonBody.read(session.getContext().getRequestHeaders(), body, Topics.class, null).checked();
        if (!next.equals(Topics.read(realm))) {
            next.write(realm);
            TopicLabels.sync(session, realm, next, true);
            adminEvent.operation(OperationType.UPDATE).resource(EVENT_RESOURCE)
                    .resourcePath(session.getContext().getUri()).representation(next).success();
        }
        return next;
    }
}
