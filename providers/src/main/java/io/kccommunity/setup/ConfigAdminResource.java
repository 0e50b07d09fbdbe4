package io.kccommunity.setup;

import io.kccommunity.web.AdminAccess;
import io.kccommunity.web.JsonBody;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * {@code /admin/realms/{realm}/community/config}: read and change the realm's community settings.
 * Enabling installs roles and the client scope; disabling keeps every member and setting.
 */
public class ConfigAdminResource {

    public static final String EVENT_RESOURCE = "COMMUNITY_CONFIG";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;

    public ConfigAdminResource(KeycloakSession session, RealmModel realm, AdminAccess access,
                               AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get() {
        access.viewRealm();
        return CommunitySettings.read(realm).toJson();
    }

    @PUT
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(byte[] body) {
        access.manageRealm();
        CommunityConfigUpdate update = JsonBody.read(session.getContext().getRequestHeaders(), body,
                CommunityConfigUpdate.class, null);
        CommunityConfig current = CommunitySettings.read(realm);
        CommunityConfig next = update.applyTo(current);
        boolean installed = next.enabled() && CommunityInstaller.install(session, realm);
        if (!next.equals(current)) {
            CommunitySettings.write(realm, next);
        }
        if (installed || !next.equals(current)) {
            adminEvent.operation(OperationType.UPDATE)
                    .resource(EVENT_RESOURCE)
                    .resourcePath(session.getContext().getUri())
                    .representation(next.toJson())
                    .success();
        }
        return next.toJson();
    }
}
