package io.kccommunity.jpa;

import io.kccommunity.advocacy.AdvocacyStore;
import io.kccommunity.advocacy.JobEntity;
import io.kccommunity.advocacy.NominationEntity;
import io.kccommunity.advocacy.RoleHistoryEntity;
import io.kccommunity.advocacy.RoleHoldingEntity;
import io.kccommunity.advocacy.SweepRunEntity;
import io.kccommunity.circles.CircleEntity;
import io.kccommunity.circles.CircleMemberEntity;
import io.kccommunity.circles.Circles;
import io.kccommunity.governance.BallotEntity;
import io.kccommunity.governance.CandidateEntity;
import io.kccommunity.governance.ElectionEntity;
import io.kccommunity.governance.ElectionResultEntity;
import io.kccommunity.governance.ElectorEntity;
import io.kccommunity.governance.Elections;
import io.kccommunity.governance.VoterEntity;
import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MemberStore;
import io.kccommunity.profile.HandleEntity;
import io.kccommunity.profile.Handles;
import io.kccommunity.reputation.BadgeAwardEntity;
import io.kccommunity.reputation.ReputationEventEntity;
import io.kccommunity.reputation.ReputationStore;
import io.kccommunity.support.StatelessFactory;
import io.kccommunity.webhooks.AttemptEntity;
import io.kccommunity.webhooks.MessageEntity;
import io.kccommunity.webhooks.WebhookEntity;
import io.kccommunity.webhooks.Webhooks;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Registers our entities and the Liquibase changelog that creates their {@code COMMUNITY_*} tables,
 * and deletes a user's or realm's rows when Keycloak removes them (our tables have no foreign keys
 * into Keycloak's, so Keycloak's own deletes are never blocked by us).
 */
public class CommunityEntityProviderFactory extends StatelessFactory<JpaEntityProvider>
        implements JpaEntityProviderFactory {

    /** Keep stable: Liquibase's tracking table name is derived from it. */
    public static final String ID = "community";

    private static final List<Class<?>> ENTITIES = List.of(MemberEntity.class, HandleEntity.class,
            ReputationEventEntity.class, BadgeAwardEntity.class, RoleHoldingEntity.class, RoleHistoryEntity.class,
            NominationEntity.class, JobEntity.class, SweepRunEntity.class, ElectionEntity.class, CandidateEntity.class,
            VoterEntity.class, BallotEntity.class, ElectorEntity.class, ElectionResultEntity.class, WebhookEntity.class,
            MessageEntity.class, AttemptEntity.class, CircleEntity.class, CircleMemberEntity.class);

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return ENTITIES;
            }

            @Override
            public String getChangelogLocation() {
                return "META-INF/community-changelog.xml";
            }

            @Override
            public String getFactoryId() {
                return ID;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(CommunityEntityProviderFactory::onModelEvent);
    }

    private static void onModelEvent(ProviderEvent event) {
        if (event instanceof UserModel.UserRemovedEvent removed) {
            new MemberStore(removed.getKeycloakSession()).deleteByUser(removed.getRealm().getId(), removed.getUser().getId());
            Handles.deleteByUser(removed.getKeycloakSession(), removed.getRealm().getId(), removed.getUser().getId());
            new ReputationStore(removed.getKeycloakSession()).deleteByUser(removed.getRealm().getId(), removed.getUser().getId());
            new AdvocacyStore(removed.getKeycloakSession()).deleteByUser(removed.getRealm().getId(), removed.getUser().getId());
            Circles.forgetUser(removed.getKeycloakSession(), removed.getRealm(), removed.getUser());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            new MemberStore(removed.getKeycloakSession()).deleteByRealm(removed.getRealm().getId());
            Handles.deleteByRealm(removed.getKeycloakSession(), removed.getRealm().getId());
            new ReputationStore(removed.getKeycloakSession()).deleteByRealm(removed.getRealm().getId());
            new AdvocacyStore(removed.getKeycloakSession()).deleteByRealm(removed.getRealm().getId());
            Elections.forgetRealm(removed.getKeycloakSession(), removed.getRealm().getId());
            Webhooks.forgetRealm(removed.getKeycloakSession(), removed.getRealm().getId());
            Circles.forgetRealm(removed.getKeycloakSession(), removed.getRealm().getId());
        }
    }

    @Override
    public String getId() {
        return ID;
    }
}
