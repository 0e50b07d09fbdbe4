package io.kccommunity.setup;

import io.kccommunity.membership.CodeOfConductAction;
import io.kccommunity.profile.ProfileSchema;
import io.kccommunity.tokens.CommunityClaimMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * Creates what an enabled community needs in a realm: its realm roles, the {@code community}
 * client scope with our claim mapper, and the community profile fields. Idempotent: what already exists (also an admin's own role of
 * the same name) is adopted and left as it is.
 */
public final class CommunityInstaller {

    public static final String MEMBER_ROLE = "community-member";
    public static final String CLIENT_SCOPE = "community";
    /**
     * The scope that lets a client act for the member (join, leave, nominate, vote): never a default,
     * shown on the consent screen; an admin adds it to the clients they trust with it.
     */
    public static final String PARTICIPATION_SCOPE = "community-participation";
    /** The client holding the roles that apps' service accounts need to call our app API. */
    public static final String API_CLIENT = "community-api";
    public static final String AWARD_ROLE = "award-reputation";
    public static final String VIEW_MEMBERS_ROLE = "view-members";
    /** Our event listener (built-in reputation sources), added to the realm's listeners. */
    public static final String EVENT_LISTENER = "community";

    /** The member role and the advocate roles that later capabilities grant, with their descriptions. */
    static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put(MEMBER_ROLE, "Member of the community");
        ROLES.put("community-advocate", "Community advocate: a loyal member who recommends and helps");
        ROLES.put("community-guru", "Community guru: a volunteer expert who answers other members");
        ROLES.put("community-ambassador", "Community ambassador: speaks for the community and the brand");
        ROLES.put("community-moderator", "Community moderator: keeps discussions within the code of conduct");
        ROLES.put("community-board-member", "Elected member of the community board (granted by elections)");
    }

    private CommunityInstaller() {
    }

    /** Installs roles, client scope and profile fields; returns true when anything was created. */
    public static boolean install(KeycloakSession session, RealmModel realm) {
        boolean changed = ProfileSchema.install(session, realm);
        changed |= RequiredActions.register(realm, CodeOfConductAction.ID, "Accept community code of conduct", 190);
        changed |= RegistrationStep.install(realm);
        for (Map.Entry<String, String> role : ROLES.entrySet()) {
            if (realm.getRole(role.getKey()) == null) {
                RoleModel created = realm.addRole(role.getKey());
                created.setDescription(role.getValue());
                changed = true;
            }
        }
        changed |= installApiClient(realm);
        if (realm.getEventsListenersStream().noneMatch(EVENT_LISTENER::equals)) {
            Set<String> listeners = new LinkedHashSet<>(realm.getEventsListenersStream().toList());
            listeners.add(EVENT_LISTENER);
            realm.setEventsListeners(listeners);
            changed = true;
        }
        ClientScopeModel scope = findScope(realm);
        if (scope == null) {
            scope = realm.addClientScope(CLIENT_SCOPE);
            scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            scope.setDescription("Community membership, profile, reputation and roles in the 'community' claim");
            scope.setIncludeInTokenScope(true);
            scope.setDisplayOnConsentScreen(true);
            scope.setConsentScreenText("Your community membership and public community profile");
            realm.addDefaultClientScope(scope, false);
            offerToExistingClients(realm, scope);
            changed = true;
        }
        changed |= installParticipationScope(realm);
        boolean hasMapper = scope.getProtocolMappersStream()
                .anyMatch(m -> CommunityClaimMapper.PROVIDER_ID.equals(m.getProtocolMapper()));
        if (!hasMapper) {
            scope.addProtocolMapper(CommunityClaimMapper.create("community"));
            changed = true;
        }
        return changed;
    }

    /**
     * New clients get the scope as a realm default; existing OpenID Connect clients get it as an
     * optional scope once, when it is created, so any app can ask for it with {@code scope=community}.
     */
    private static void offerToExistingClients(RealmModel realm, ClientScopeModel scope) {
        realm.getClientsStream()
                .filter(c -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(c.getProtocol()) || c.getProtocol() == null)
                .filter(c -> !c.isBearerOnly())
                .toList()
                .forEach(c -> c.addClientScope(scope, false));
    }

    /** Not a realm default scope: no client gets it unless an admin adds it. */
    private static boolean installParticipationScope(RealmModel realm) {
        if (realm.getClientScopesStream().anyMatch(s -> PARTICIPATION_SCOPE.equals(s.getName()))) {
            return false;
        }
        ClientScopeModel scope = realm.addClientScope(PARTICIPATION_SCOPE);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription("Act in the community for the user: join or leave, nominate, answer a nomination, vote");
        scope.setIncludeInTokenScope(true);
        scope.setDisplayOnConsentScreen(true);
        scope.setConsentScreenText("${communityParticipationConsent}");
        return true;
    }

    /** A client with no login flows of its own: it only holds the roles apps are granted. */
    private static boolean installApiClient(RealmModel realm) {
        boolean changed = false;
        ClientModel client = realm.getClientByClientId(API_CLIENT);
        if (client == null) {
            client = realm.addClient(API_CLIENT);
            client.setName("Community API");
            client.setDescription("Holds the roles that apps' service accounts need to call the community API");
            client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            client.setBearerOnly(true);
            client.setPublicClient(false);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            changed = true;
        }
        if (client.getRole(AWARD_ROLE) == null) {
            client.addRole(AWARD_ROLE).setDescription("Award and reverse reputation points through the community API");
            changed = true;
        }
        if (client.getRole(VIEW_MEMBERS_ROLE) == null) {
            client.addRole(VIEW_MEMBERS_ROLE).setDescription("List the holders of any advocate role through the community API");
            changed = true;
        }
        return changed;
    }

    public static RoleModel memberRole(RealmModel realm) {
        return realm.getRole(MEMBER_ROLE);
    }

    private static ClientScopeModel findScope(RealmModel realm) {
        return realm.getClientScopesStream().filter(s -> CLIENT_SCOPE.equals(s.getName())).findFirst().orElse(null);
    }
}
