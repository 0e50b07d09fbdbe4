package io.kccommunity.governance;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Secrecy at rest: what happens to an election's ballot and voter rows when voting closes, so that
 * no property of a database snapshot links a voter to a ballot.
 * <p>
 * While voting, a voter's row and their ballot row are written by one transaction: on PostgreSQL they
 * share {@code xmin} and neighbouring places in their tables, on MariaDB the hidden transaction id and
 * the order of records in their pages. At the close both sets are deleted and written again by the
 * closing transaction, ballots in content order and voters in user-id order, each with a fresh random
 * id handed out in ascending order. Every row then has the same writer, and its place, id and insertion
 * order follow only its content or user id. Once that commits, {@link TableRebuild} rewrites both
 * tables into new files, so the old row versions leave them too.
 */
public final class SecretBallots {

    private SecretBallots() {
    }

    /** Called in the transaction that records the close of {@code election} (by an admin or by the clock). */
    static void atClose(KeycloakSession session, ElectionEntity election) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        String electionId = election.getId();
        List<BallotEntity> ballots = em.createQuery("select b from BallotEntity b where b.electionId = :election",
                BallotEntity.class).setParameter("election", electionId).getResultList();
        List<String> voters = em.createQuery("select v.userId from VoterEntity v where v.electionId = :election",
                String.class).setParameter("election", electionId).getResultList();
        ballots.forEach(em::detach);
        for (String entity : List.of("BallotEntity", "VoterEntity")) {
            em.createQuery("delete from " + entity + " x where x.electionId = :election")
                    .setParameter("election", electionId).executeUpdate();
        }
        // all ballots, then all voters: each insert's command id (PostgreSQL's cmin) repeats only that order
        rewrittenBallots(electionId, ballots).forEach(em::persist);
        em.flush();
        rewrittenVoters(electionId, voters).forEach(em::persist);
        em.flush();
        TableRebuild.afterCommit(session, em);
    }

    /** The ballots as new rows: in content order (then receipt hash), with fresh ids in ascending order. */
    static List<BallotEntity> rewrittenBallots(String electionId, List<BallotEntity> ballots) {
        List<BallotEntity> sorted = ballots.stream()
                .sorted(Comparator.comparing(BallotEntity::getContent).thenComparing(BallotEntity::getReceiptHash)).toList();
        List<String> ids = ascendingIds(sorted.size());
        List<BallotEntity> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            BallotEntity row = new BallotEntity();
            row.setId(ids.get(i));
            row.setElectionId(electionId);
            row.setReceiptHash(sorted.get(i).getReceiptHash());
            row.setContent(sorted.get(i).getContent());
            rows.add(row);
        }
        return rows;
    }

    /** The voters as new rows: in user-id order, with fresh ids in ascending order. */
    static List<VoterEntity> rewrittenVoters(String electionId, List<String> userIds) {
        List<String> sorted = userIds.stream().sorted().toList();
        List<String> ids = ascendingIds(sorted.size());
        List<VoterEntity> rows = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            VoterEntity row = new VoterEntity();
            row.setId(ids.get(i));
            row.setElectionId(electionId);
            row.setUserId(sorted.get(i));
            rows.add(row);
        }
        return rows;
    }

    /**
     * Random ids, sorted: primary-key order (InnoDB's physical order, and PostgreSQL's after the
     * rebuild clusters on it) then repeats the order the rows are written in, and nothing else.
     */
    static List<String> ascendingIds(int count) {
        return Stream.generate(KeycloakModelUtils::generateId).limit(count).sorted().toList();
    }
}
