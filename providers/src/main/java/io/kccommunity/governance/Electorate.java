package io.kccommunity.governance;

import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.support.StoredJson;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * An election's electorate, fixed once: when nominations open (when voting opens for a
 * referendum), the active members who meet the voters' criteria become its voters and those who meet
 * the candidates' criteria its possible candidates. Points, roles or membership days gained later make
 * no one a voter; a member who leaves the community loses their vote.
 */
final class Electorate {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    Electorate(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Fixes voters (and, unless a referendum, candidates) as of now, and records their numbers. */
    void fix(ElectionEntity election) {
        if (election.getElectorateFixedAt() != null) {
            return;
        }
        ElectionRequest.Eligibility eligibility = StoredJson.read(election.getEligibility(), ElectionRequest.Eligibility.class);
        long now = Time.currentTimeMillis();
        election.setEligibleVoters(insert(election, ElectorEntity.VOTER, eligibility.voters(), now));
        if (!"referendum".equals(election.getMethod())) {
            election.setEligibleCandidates(insert(election, ElectorEntity.CANDIDATE, eligibility.candidates(), now));
        }
        election.setElectorateFixedAt(now);
    }

    /** Whether the user is in the fixed electorate (as a voter or a possible candidate). */
    boolean includes(ElectionEntity election, UserModel user, boolean asCandidate) {
        return !em.createQuery("select e.userId from ElectorEntity e where e.electionId = :election and e.kind = :kind"
                        + " and e.userId = :user", String.class)
                .setParameter("election", election.getId())
                .setParameter("kind", asCandidate ? ElectorEntity.CANDIDATE : ElectorEntity.VOTER)
                .setParameter("user", user.getId()).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * One statement for the criteria the member row holds (reputation, membership days); roles need
     * Keycloak's role mappings (groups and composites included), so those are checked member by member.
     */
    private int insert(ElectionEntity election, String kind, ElectionRequest.Criteria criteria, long now) {
        int minReputation = criteria.minReputation() == null ? Integer.MIN_VALUE : criteria.minReputation();
        long joinedBy = criteria.minMembershipDays() == null ? now : now - criteria.minMembershipDays() * Elections.DAY_MILLIS;
        List<String> roles = criteria.roles() == null ? List.of() : criteria.roles();
        String circle = election.getCircleId();
        if (roles.isEmpty()) {
            var insert = em.createNativeQuery("INSERT INTO COMMUNITY_ELECTOR (ELECTION_ID, KIND, USER_ID)"
                            + " SELECT CAST(?1 AS VARCHAR(36)), CAST(?2 AS VARCHAR(1)), USER_ID FROM COMMUNITY_MEMBER m"
                            + " WHERE REALM_ID = ?3 AND STATUS = ?4 AND REPUTATION >= ?5 AND JOINED_AT <= ?6"
                            + (circle == null ? "" : " AND EXISTS (SELECT 1 FROM COMMUNITY_CIRCLE_MEMBER c WHERE c.CIRCLE_ID = ?7"
                                    + " AND c.USER_ID = m.USER_ID AND c.STATUS = 'active')"))
                    .setParameter(1, election.getId()).setParameter(2, kind).setParameter(3, realm.getId())
                    .setParameter(4, MembershipStatus.ACTIVE.name()).setParameter(5, minReputation).setParameter(6, joinedBy);
            return (circle == null ? insert : insert.setParameter(7, circle)).executeUpdate();
        }
        List<String> members = em.createQuery("select m.userId from MemberEntity m where m.realmId = :realm"
                        + " and m.status = :active and m.reputation >= :reputation and m.joinedAt <= :joinedBy"
                        + " and (:circle = '' or exists (select c.id from CircleMemberEntity c where c.circleId = :circle"
                        + " and c.userId = m.userId and c.status = 'active'))", String.class)
                .setParameter("realm", realm.getId()).setParameter("active", MembershipStatus.ACTIVE)
                .setParameter("reputation", minReputation).setParameter("circle", circle == null ? "" : circle)
                .setParameter("joinedBy", joinedBy).getResultList();
        int count = 0;
        for (String userId : members) {
            UserModel user = session.users().getUserById(realm, userId);
            if (user != null && roles.stream().allMatch(r -> hasRole(user, r))) {
                ElectorEntity elector = new ElectorEntity();
                elector.setElectionId(election.getId());
                elector.setKind(kind);
                elector.setUserId(userId);
                em.persist(elector);
                count++;
            }
        }
        return count;
    }

    private boolean hasRole(UserModel user, String roleName) {
        RoleModel role = realm.getRole(roleName);
        return role != null && user.hasRole(role);
    }

    /** Deletes the electorates of the given elections (a realm being removed). */
    static void delete(EntityManager em, List<String> electionIds) {
        if (!electionIds.isEmpty()) {
            em.createQuery("delete from ElectorEntity e where e.electionId in :ids").setParameter("ids", electionIds)
                    .executeUpdate();
        }
    }
}
