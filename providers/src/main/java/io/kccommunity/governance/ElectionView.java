package io.kccommunity.governance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import io.kccommunity.circles.CircleTerms;
import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.support.StoredJson;
import io.kccommunity.tally.Round;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * An election as members and admins read it; members see accepted candidates only, admins also the
 * size of the fixed electorate ({@code eligibleVoters}, {@code eligibleCandidates}) once it is fixed;
 * members the number of eligible voters once voting has closed, beside the turnout.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElectionView(String id, String title, Map<String, String> description, String method, int seats,
                           String question, Long quorum, String majority, String phase, String nominationsOpenAt,
                           String votingOpensAt, String votingClosesAt, ElectionRequest.Eligibility eligibility,
                           String winnerRole, Integer termDays, List<Candidate> candidates, Long turnout, You you,
                           Integer eligibleVoters, Integer eligibleCandidates, String circle) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(String id, String handle, String displayName, String statement, String status) {
    }

    /** The reader's own standing: may they vote or stand, did they vote, their candidacy if any. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record You(boolean mayVote, boolean mayStand, boolean voted, String candidacy) {
    }

    /** The count, published once certified. */
    public record Results(String method, int seats, List<String> winners, List<Round> rounds, int ballots, long turnout,
                          List<String> candidateOrder, String countedAt, List<String> receiptHashes) {
    }

    static ElectionView of(KeycloakSession session, RealmModel realm, Elections elections, ElectionEntity e, UserModel reader,
                           boolean admin) {
        boolean referendum = "referendum".equals(e.getMethod());
        List<CandidateEntity> shown = admin ? elections.candidates(e) : elections.accepted(e);
        List<Candidate> candidates = referendum ? null : shown.stream().map(c -> {
            UserModel user = session.users().getUserById(realm, c.getUserId());
            CommunityProfile profile = user == null ? null : CommunityProfile.of(user);
            return new Candidate(c.getId(), elections.label(c), profile == null ? null : profile.displayName(), c.getStatement(),
                    admin ? c.getStatus() : null);
        }).toList();
        You you = null;
        if (reader != null && !admin) {
            CandidateEntity own = elections.candidates(e).stream().filter(c -> c.getUserId().equals(reader.getId()))
                    .findFirst().orElse(null);
            you = new You(elections.isEligible(e, reader, false), !referendum && elections.isEligible(e, reader, true),
                    elections.voted(e, reader), own == null ? null : own.getStatus());
        }
        boolean countable = admin || List.of("closed", "certified").contains(e.getPhase());
        return new ElectionView(e.getId(), e.getTitle(), StoredJson.read(e.getDescription() == null ? "{}" : e.getDescription(),
                new TypeReference<Map<String, String>>() { }), e.getMethod(), e.getSeats(), e.getQuestion(),
                referendum ? e.getQuorum() : null, referendum ? e.getMajority() : null, e.getPhase(),
                iso(e.getNominationsOpenAt()), iso(e.getVotingOpensAt()), iso(e.getVotingClosesAt()),
                StoredJson.read(e.getEligibility(), ElectionRequest.Eligibility.class), e.getWinnerRole(), e.getTermDays(),
                candidates, countable ? elections.turnout(e) : null, you,
                admin || countable ? e.getEligibleVoters() : null, admin ? e.getEligibleCandidates() : null,
                CircleTerms.slugOf(session, e.getCircleId()));
    }

    static Results results(Elections elections, Certification counts, ElectionEntity e) {
        Certification.Count count = counts.count(e);
        return new Results(count.method(), count.seats(), count.winners(), count.rounds(), count.ballots(),
                elections.turnout(e), count.candidateOrder(), count.countedAt(), counts.receiptHashes(e));
    }

    private static String iso(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }
}
