package io.kccommunity.governance;

import io.kccommunity.support.Writes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** JPA access to elections, candidates, voters and ballots. */
final class ElectionStore {

    private final EntityManager em;

    ElectionStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    ElectionEntity find(String realmId, String id) {
        ElectionEntity election = id == null || id.length() > 36 ? null : em.find(ElectionEntity.class, id);
        return election != null && election.getRealmId().equals(realmId) ? election : null;
    }

    /**
     * The election, read afresh and locked: exclusively for a phase change or a nomination, shared for a
     * ballot, so ballots go in side by side but never past the close.
     */
    ElectionEntity lock(ElectionEntity election, boolean exclusive) {
        em.refresh(election, exclusive ? LockModeType.PESSIMISTIC_WRITE : LockModeType.PESSIMISTIC_READ);
        return election;
    }

    List<ElectionEntity> list(String realmId, boolean withDrafts, int first, int max) {
        return em.createQuery("select e from ElectionEntity e where e.realmId = :realm"
                        + (withDrafts ? "" : " and e.phase <> 'draft'") + " order by e.createdAt desc, e.id", ElectionEntity.class)
                .setParameter("realm", realmId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Elections whose next phase is due by the schedule. */
    List<ElectionEntity> due(String realmId, long now) {
        return em.createQuery("select e from ElectionEntity e where e.realmId = :realm and ("
                        + "(e.phase = 'draft' and e.nominationsOpenAt <= :now)"
                        + " or (e.phase in ('draft', 'nomination') and e.votingOpensAt <= :now)"
                        + " or (e.phase = 'voting' and e.votingClosesAt <= :now))", ElectionEntity.class)
                .setParameter("realm", realmId).setParameter("now", now).getResultList();
    }

    List<CandidateEntity> candidates(String electionId) {
        return em.createQuery("select c from CandidateEntity c where c.electionId = :election order by c.id",
                CandidateEntity.class).setParameter("election", electionId).getResultList();
    }

    /** Candidates who stand or may still stand: nominated or accepted. */
    long standing(String electionId) {
        return em.createQuery("select count(c) from CandidateEntity c where c.electionId = :election"
                + " and c.status <> 'declined'", Long.class).setParameter("election", electionId).getSingleResult();
    }

    CandidateEntity candidate(String electionId, String userId) {
        List<CandidateEntity> found = em.createQuery("select c from CandidateEntity c where c.electionId = :election"
                        + " and c.userId = :user", CandidateEntity.class)
                .setParameter("election", electionId).setParameter("user", userId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    boolean voted(String electionId, String userId) {
        return !em.createQuery("select v.id from VoterEntity v where v.electionId = :election and v.userId = :user", String.class)
                .setParameter("election", electionId).setParameter("user", userId).getResultList().isEmpty();
    }

    long voters(String electionId) {
        return em.createQuery("select count(v) from VoterEntity v where v.electionId = :election", Long.class)
                .setParameter("election", electionId).getSingleResult();
    }

    BallotEntity ballot(String electionId, String receiptHash) {
        List<BallotEntity> found = em.createQuery("select b from BallotEntity b where b.electionId = :election"
                        + " and b.receiptHash = :hash", BallotEntity.class)
                .setParameter("election", electionId).setParameter("hash", receiptHash).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /** Ballot contents in an order that says nothing about when they were cast. */
    List<String> ballotContents(String electionId) {
        return em.createQuery("select b.content from BallotEntity b where b.electionId = :election order by b.content",
                String.class).setParameter("election", electionId).getResultList();
    }

    List<String> receiptHashes(String electionId) {
        return em.createQuery("select b.receiptHash from BallotEntity b where b.electionId = :election order by b.receiptHash",
                String.class).setParameter("election", electionId).getResultList();
    }

    ElectionResultEntity result(String electionId) {
        return em.find(ElectionResultEntity.class, electionId);
    }

    void persist(Object entity) {
        em.persist(entity);
    }

    void flush() {
        Writes.flush(em, "The election");
    }

    void deleteByRealm(String realmId) {
        List<String> ids = em.createQuery("select e.id from ElectionEntity e where e.realmId = :realm", String.class)
                .setParameter("realm", realmId).getResultList();
        for (String entity : List.of("CandidateEntity", "VoterEntity", "BallotEntity", "ElectorEntity", "ElectionResultEntity")) {
            if (!ids.isEmpty()) {
                em.createQuery("delete from " + entity + " x where x.electionId in :ids").setParameter("ids", ids).executeUpdate();
            }
        }
        em.createQuery("delete from ElectionEntity e where e.realmId = :realm").setParameter("realm", realmId).executeUpdate();
    }
}
