package io.kccommunity.web;

import io.kccommunity.advocacy.AdvocacyAdminResource;
import io.kccommunity.circles.CirclesAdminResource;
import io.kccommunity.governance.ElectionsAdminResource;
import io.kccommunity.membership.MembersAdminResource;
import io.kccommunity.membership.Memberships;
import io.kccommunity.reputation.ReputationAdminResource;
import io.kccommunity.profile.TopicsAdminResource;
import io.kccommunity.setup.CommunityConfig;
import io.kccommunity.setup.CommunitySettings;
import io.kccommunity.setup.ConfigAdminResource;
import io.kccommunity.webhooks.WebhooksAdminResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/community}: Keycloak has already authenticated the admin. */
public class CommunityAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAccess access;
    private final AdminEventBuilder adminEvent;

    public CommunityAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                  AdminEventBuilder adminEvent) {
        IncomingRequest.check(session);
        this.session = session;
        this.realm = realm;
        this.access = new AdminAccess(auth);
        this.adminEvent = adminEvent;
    }

    @Path("config")
    public ConfigAdminResource config() {
        return new ConfigAdminResource(session, realm, access, adminEvent);
    }

    @Path("reputation")
    public ReputationAdminResource reputation() {
        if (!CommunitySettings.isEnabled(realm)) {
            access.viewRealm();
            throw CommunityError.communityNotEnabled();
        }
        return new ReputationAdminResource(session, realm, access, adminEvent);
    }

    @Path("topics")
    public TopicsAdminResource topics() {
        if (!CommunitySettings.isEnabled(realm)) {
            access.viewRealm();
            throw CommunityError.communityNotEnabled();
        }
        return new TopicsAdminResource(session, realm, access, adminEvent);
    }

    @Path("advocacy")
    public AdvocacyAdminResource advocacy() {
        if (!CommunitySettings.isEnabled(realm)) {
            access.viewRealm();
            throw CommunityError.communityNotEnabled();
        }
        return new AdvocacyAdminResource(session, realm, access, adminEvent);
    }

    @Path("elections")
    public ElectionsAdminResource elections() {
        if (!CommunitySettings.isEnabled(realm)) {
            access.viewRealm();
            throw CommunityError.communityNotEnabled();
        }
        return new ElectionsAdminResource(session, realm, access, adminEvent);
    }

    @Path("circles")
    public CirclesAdminResource circles() {
        if (!CommunitySettings.isEnabled(realm)) {
            access.viewRealm();
            throw CommunityError.communityNotEnabled();
        }
        return new CirclesAdminResource(session, realm, access, adminEvent);
    }

    @Path("webhooks")
    public WebhooksAdminResource webhooks() {
        if (!CommunitySettings.isEnabled(realm)) {
            access.viewRealm();
            throw CommunityError.communityNotEnabled();
        }
        return new WebhooksAdminResource(session, realm, access, adminEvent);
    }

    @Path("members")
    public MembersAdminResource members() {
        access.viewUsers();
        CommunityConfig config = CommunitySettings.read(realm);
        if (!config.enabled()) {
            throw CommunityError.communityNotEnabled();
        }
        return new MembersAdminResource(session, realm, access, adminEvent, new Memberships(session, realm, config));
    }
}
