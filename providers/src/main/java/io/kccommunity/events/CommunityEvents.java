package io.kccommunity.events;

import io.kccommunity.advocacy.Advocacy;
import io.kccommunity.advocacy.RoleMappingSync;
import io.kccommunity.circles.CircleMemberships;
import io.kccommunity.membership.MemberActivatedEvent;
import io.kccommunity.membership.MemberDeactivatedEvent;
import io.kccommunity.profile.HandleClaims;
import io.kccommunity.profile.Mirrors;
import io.kccommunity.reputation.BuiltInSources;
import io.kccommunity.reputation.ReputationChangedEvent;
import io.kccommunity.support.StatelessFactory;
import io.kccommunity.webhooks.WebhookDispatcher;
import io.kccommunity.webhooks.WebhookSettings;
import io.kccommunity.webhooks.Webhooks;
import java.util.concurrent.Executor;
import org.keycloak.Config;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.storage.ImportRealmFromRepresentationEvent;
import org.keycloak.storage.PartialImportRealmFromRepresentationEvent;
import org.keycloak.timer.TimerProvider;

/**
 * Where the capabilities meet Keycloak's life cycle: the realm event listener {@code community}
 * (logins and profile updates feed the built-in reputation sources; admins' user writes and realm
 * imports, and each start, settle handles in the registry), the provider events our own
 * code publishes (joining, leaving, reputation changes drive promotions), and the timed work
 * ({@link CommunitySweep}): once per {@code --spi-events-listener--community--sweep-interval} seconds
 * (default 3600) in the cluster, under a lease of {@code --spi-events-listener--community--sweep-lease}
 * seconds (default 60) in the database; and the webhook dispatcher, with its own timer and options
 * ({@code --spi-events-listener--community--webhook-...}, see {@link WebhookSettings}).
 */
public class CommunityEvents extends StatelessFactory<EventListenerProvider>
        implements EventListenerProviderFactory, Webhooks.Owner {

    public static final String ID = "community";
    static final String SWEEP_TASK = "community-advocacy-sweep";
    static final String WEBHOOK_TASK = "community-webhooks";
    static final String WEBHOOK_EXECUTOR = "community-webhooks";
    private static final String USERS = "users/";

    private long sweepIntervalMillis;
    private long sweepLeaseMillis;
    private KeycloakSessionFactory factory;
    private CommunitySweep sweep;
    private WebhookSettings webhookSettings;
    private volatile WebhookDispatcher webhooks;

    @Override
    public void init(Config.Scope config) {
        sweepIntervalMillis = Math.max(1, config.getLong("sweepInterval", 3600L)) * 1000;
        sweepLeaseMillis = Math.max(1, config.getLong("sweepLease", 60L)) * 1000;
        webhookSettings = WebhookSettings.from(config);
    }

    /** The webhook dispatcher of this node; null until Keycloak has started. */
    @Override
    public WebhookDispatcher webhooks() {
        return webhooks;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                BuiltInSources.onEvent(session, event);
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
                settleHandleOf(session, event);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.factory = factory;
        factory.register(this::onProviderEvent);
    }

    private void onProviderEvent(ProviderEvent event) {
        if (event instanceof PostMigrationEvent) {
            sweep = new CommunitySweep(factory, sweepIntervalMillis, sweepLeaseMillis);
            try (KeycloakSession session = factory.create()) {
                Executor executor = session.getProvider(ExecutorsProvider.class).getExecutor(CommunitySweep.EXECUTOR);
                session.getProvider(TimerProvider.class).schedule(() -> sweep.tick(executor), sweep.checkMillis(), SWEEP_TASK);
                WebhookDispatcher dispatcher = new WebhookDispatcher(factory, webhookSettings,
                        session.getProvider(ExecutorsProvider.class).getExecutor(WEBHOOK_EXECUTOR));
                webhooks = dispatcher;
                session.getProvider(TimerProvider.class).schedule(dispatcher::nudge, webhookSettings.pollMillis(), WEBHOOK_TASK);
            }
            Mirrors.protectAll(factory);
            HandleClaims.repairAll(factory);
        } else if (event instanceof ImportRealmFromRepresentationEvent imported) {
            HandleClaims.repairOnCommit(imported.getSession(), imported::getRealmModel);
        } else if (event instanceof PartialImportRealmFromRepresentationEvent imported) {
            HandleClaims.repairOnCommit(imported.getSession(), imported::getRealm);
        } else if (event instanceof MemberActivatedEvent joined) {
            BuiltInSources.onJoin(joined);
        } else if (event instanceof ReputationChangedEvent changed) {
            new Advocacy(changed.session(), changed.realm()).evaluate(changed.user(), changed.member());
        } else if (event instanceof MemberDeactivatedEvent left) {
            new Advocacy(left.session(), left.realm()).leave(left.user());
            new CircleMemberships(left.session(), left.realm()).leaveAll(left.user());
        } else if (event instanceof RoleModel.RoleGrantedEvent granted) {
            RoleMappingSync.roleChanged(granted.getKeycloakSession(), granted.getRealm(), granted.getUser(), granted.getRole());
        } else if (event instanceof RoleModel.RoleRevokedEvent revoked) {
            RoleMappingSync.roleChanged(revoked.getKeycloakSession(), revoked.getRealm(), revoked.getUser(), revoked.getRole());
        } else if (event instanceof GroupModel.GroupMemberJoinEvent joined) {
            RoleMappingSync.groupsChanged(joined.getKeycloakSession(), joined.getRealm(), joined.getUser());
            new CircleMemberships(joined.getKeycloakSession(), joined.getRealm()).followGroupJoin(joined.getUser(), joined.getGroup());
        } else if (event instanceof GroupModel.GroupMemberLeaveEvent leftGroup) {
            RoleMappingSync.groupsChanged(leftGroup.getKeycloakSession(), leftGroup.getRealm(), leftGroup.getUser());
            new CircleMemberships(leftGroup.getKeycloakSession(), leftGroup.getRealm()).followGroupLeave(leftGroup.getUser(),
                    leftGroup.getGroup());
        }
    }

    /**
     * An admin's create or update of a user may carry a handle the user profile did not check (an
     * attribute it does not manage); the registry settles it when the change commits.
     */
    private static void settleHandleOf(KeycloakSession session, AdminEvent event) {
        String path = event.getResourcePath();
        if (event.getResourceType() == ResourceType.USER && event.getError() == null
                && (event.getOperationType() == OperationType.CREATE || event.getOperationType() == OperationType.UPDATE)
                && path != null && path.startsWith(USERS) && path.indexOf('/', USERS.length()) < 0) {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            if (realm != null) {
                HandleClaims.settleOnCommit(session, realm, path.substring(USERS.length()));
            }
        }
    }

    @Override
    public void close() {
        if (factory != null) {
            try (KeycloakSession session = factory.create()) {
                session.getProvider(TimerProvider.class).cancelTask(SWEEP_TASK);
                session.getProvider(TimerProvider.class).cancelTask(WEBHOOK_TASK);
            } catch (RuntimeException shuttingDown) {
                // the timer stops with Keycloak anyway
            }
        }
        if (sweep != null) {
            sweep.stop();
        }
        if (webhooks != null) {
            webhooks.stop();
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
