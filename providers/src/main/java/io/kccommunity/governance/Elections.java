package io.kccommunity.governance;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MemberStore;
import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.web.CommunityError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Elections of one realm: creating and editing them, their phases, and what every part reads
 * (candidates in ballot order, eligibility, turnout). Nominations, the ballot box and the count with
 * certification are {@link Nominations}, {@link BallotBox} and {@link Certification}.
 */
public final class Elections {

    public static final List<String> PHASES = List.of("draft", "nomination", "voting", "closed", "certified", "cancelled");
    static final long DAY_MILLIS = 86_400_000L;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ElectionStore store;

    public Elections(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = new ElectionStore(session);
    }

    // --- admin

    public ElectionEntity create(ElectionRequest request) {
        ElectionEntity election = new ElectionEntity();
        election.setId(KeycloakModelUtils.generateId());
        election.setRealmId(realm.getId());
        election.setPhase("draft");
        election.setCreatedAt(Time.currentTimeMillis());
        request.applyTo(election, realm);
        store.persist(election);
        store.flush();
        return election;
    }

    /** Edits a draft; once nominations are open, the rules of an election are fixed. */
    public ElectionEntity edit(String id, ElectionRequest request) {
        ElectionEntity election = store.lock(require(id), true);
        if (!"draft".equals(election.getPhase())) {
            throw CommunityError.conflict("election_not_draft", "Only a draft election can be edited");
        }
        request.applyTo(election, realm);
        store.flush();
        return election;
    }

    /** Moves an election on: open-nominations, open-voting, close, certify or cancel. */
    public ElectionEntity advance(String id, String action) {
        ElectionEntity election = store.lock(require(id), true);
        String phase = election.getPhase();
        boolean referendum = "referendum".equals(election.getMethod());
        switch (action) {
            case "open-nominations" -> {
                expect(election, referendum ? "-" : "draft", action);
                election.setPhase("nomination");
            }
            case "open-voting" -> {
                expect(election, referendum ? "draft" : "nomination", action);
                if (!referendum && accepted(election).isEmpty()) {
                    throw CommunityError.conflict("no_candidates", "Voting needs at least one candidate who accepted");
                }
                election.setPhase("voting");
            }
            case "close" -> {
                expect(election, "voting", action);
                election.setPhase("closed");
                SecretBallots.atClose(session, election);
            }
            case "certify" -> {
                expect(election, "closed", action);
                new Certification(session, realm).certify(election);
            }
            case "cancel" -> {
                if (List.of("certified", "cancelled").contains(phase)) {
                    throw CommunityError.conflict("invalid_phase", "A " + phase + " election cannot be cancelled");
                }
                election.setPhase("cancelled");
            }
            default -> throw CommunityError.notFound("unknown_action",
                    "Actions are open-nominations, open-voting, close, certify and cancel");
        }
        store.flush();
        return election;
    }

    /** Phases whose time has come by the schedule (the sweep calls this); returns how many moved. */
    public int advanceDue(long now) {
        int moved = 0;
        for (ElectionEntity election : store.due(realm.getId(), now)) {
            store.lock(election, true);
            boolean referendum = "referendum".equals(election.getMethod());
            if ("draft".equals(election.getPhase()) && !referendum && due(election.getNominationsOpenAt(), now)) {
                election.setPhase("nomination");
                moved++;
            }
            if (List.of("draft", "nomination").contains(election.getPhase()) && due(election.getVotingOpensAt(), now)
                    && (referendum || !accepted(election).isEmpty())) {
                election.setPhase("voting");
                moved++;
            }
            if ("voting".equals(election.getPhase()) && due(election.getVotingClosesAt(), now)) {
                election.setPhase("closed");
                SecretBallots.atClose(session, election);
                moved++;
            }
        }
        store.flush();
        return moved;
    }

    // --- reading

    public ElectionEntity require(String id) {
        ElectionEntity election = store.find(realm.getId(), id);
        if (election == null) {
            throw CommunityError.notFound("election_not_found", "No election with this id");
        }
        return election;
    }

    public List<ElectionEntity> list(boolean withDrafts, int first, int max) {
        return store.list(realm.getId(), withDrafts, first, max);
    }

    /** Every nominee, by handle. */
    public List<CandidateEntity> candidates(ElectionEntity election) {
        List<CandidateEntity> all = new ArrayList<>(store.candidates(election.getId()));
        all.sort(Comparator.comparing(this::label));
        return all;
    }

    /** Accepted candidates in ballot order: by handle, which the BLT file and recounts use too. */
    public List<CandidateEntity> accepted(ElectionEntity election) {
        return candidates(election).stream().filter(c -> "accepted".equals(c.getStatus())).toList();
    }

    public boolean voted(ElectionEntity election, UserModel user) {
        return store.voted(election.getId(), user.getId());
    }

    public long turnout(ElectionEntity election) {
        return store.voters(election.getId());
    }

    public boolean isEligible(ElectionEntity election, UserModel user, boolean asCandidate) {
        MemberEntity member = new MemberStore(session).find(realm.getId(), user.getId());
        if (member == null || member.getStatus() != MembershipStatus.ACTIVE) {
            return false;
        }
        ElectionRequest.Eligibility eligibility = Json.read(election.getEligibility(), ElectionRequest.Eligibility.class);
        ElectionRequest.Criteria criteria = asCandidate ? eligibility.candidates() : eligibility.voters();
        long days = member.getJoinedAt() == null ? 0 : (Time.currentTimeMillis() - member.getJoinedAt()) / DAY_MILLIS;
        return (criteria.minReputation() == null || member.getReputation() >= criteria.minReputation())
                && (criteria.minMembershipDays() == null || days >= criteria.minMembershipDays())
                && (criteria.roles() == null || criteria.roles().stream()
                        .allMatch(r -> realm.getRole(r) != null && user.hasRole(realm.getRole(r))));
    }

    /** A candidate's name on the ballot: their handle. */
    public String label(CandidateEntity candidate) {
        UserModel user = session.users().getUserById(realm, candidate.getUserId());
        String handle = user == null ? null : CommunityProfile.of(user).handle();
        return handle == null ? "candidate-" + candidate.getId().substring(0, 8) : handle;
    }

    /** The certified winners' user ids, in election order (empty for referendums). */
    public List<String> winners(ElectionEntity election) {
        return election.getWinners() == null ? List.of() : Json.read(election.getWinners(), new TypeReference<List<String>>() { });
    }

    void requireEligible(ElectionEntity election, UserModel user, boolean asCandidate) {
        if (!isEligible(election, user, asCandidate)) {
            throw CommunityError.forbidden(asCandidate ? "The nominee may not stand in this election"
                    : "You may not vote or nominate in this election");
        }
    }

    private static void expect(ElectionEntity election, String phase, String action) {
        if (!phase.equals(election.getPhase())) {
            throw CommunityError.conflict("invalid_phase", "Cannot " + action + " a " + election.getPhase() + " "
                    + ("referendum".equals(election.getMethod()) ? "referendum" : "election"));
        }
    }

    private static boolean due(Long at, long now) {
        return at != null && at <= now;
    }

    /** Deletes a removed realm's elections with their candidates, voters and ballots. */
    public static void forgetRealm(KeycloakSession session, String realmId) {
        new ElectionStore(session).deleteByRealm(realmId);
    }
}
