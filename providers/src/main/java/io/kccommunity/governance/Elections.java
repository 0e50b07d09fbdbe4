package io.kccommunity.governance;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kccommunity.circles.CircleTerms;
import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MemberStore;
import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.support.Pairs;
import io.kccommunity.support.StoredJson;
import io.kccommunity.web.CommunityError;
import io.kccommunity.webhooks.WebhookEvents;
import io.kccommunity.webhooks.Webhooks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        election.setCircleId(request.circle() == null ? null : CircleTerms.electionCircle(session, realm, request.circle()));
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
        election.setCircleId(request.circle() == null ? null : CircleTerms.electionCircle(session, realm, request.circle()));
        store.flush();
        return election;
    }

    /** Moves an election on: open-nominations, open-voting, close, certify or cancel. */
    public ElectionEntity advance(String id, String action) {
        ElectionEntity election = store.lock(require(id), true);
        catchUp(election, Time.currentTimeMillis());
        String phase = election.getPhase();
        boolean referendum = isReferendum(election);
        switch (action) {
            case "open-nominations" -> {
                expect(election, referendum ? "-" : "draft", action);
                enter(election, "nomination");
            }
            case "open-voting" -> {
                expect(election, referendum ? "draft" : "nomination", action);
                if (!referendum && accepted(election).isEmpty()) {
                    throw CommunityError.conflict("no_candidates", "Voting needs at least one candidate who accepted");
                }
                enter(election, "voting");
            }
            case "close" -> {
                expect(election, "voting", action);
                enter(election, "closed");
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
                phaseChanged(election, phase);
            }
            default -> throw CommunityError.notFound("unknown_action",
                    "Actions are open-nominations, open-voting, close, certify and cancel");
        }
        store.flush();
        return election;
    }

    /**
     * The election as it stands now by the clock: a phase whose time has come is recorded first (with
     * what entering it does), whoever asks first, so no request ever sees a phase that has ended.
     */
    public ElectionEntity current(ElectionEntity election) {
        long now = Time.currentTimeMillis();
        if (phaseAt(election, now).equals(election.getPhase())) {
            return election;
        }
        store.lock(election, true);
        catchUp(election, now);
        store.flush();
        return election;
    }

    /** Records the phases whose time has come by the schedule (the sweep calls this); returns how many moved. */
    public int advanceDue(long now) {
        int moved = 0;
        for (ElectionEntity election : store.due(realm.getId(), now)) {
            store.lock(election, true);
            moved += catchUp(election, now);
        }
        store.flush();
        return moved;
    }

    /** The phase by the clock now, without recording anything (a request re-checks it under its lock). */
    String phaseNow(ElectionEntity election) {
        return phaseAt(election, Time.currentTimeMillis());
    }

    private String phaseAt(ElectionEntity e, long now) {
        boolean votingDue = e.getVotingOpensAt() != null && e.getVotingOpensAt() <= now
                && List.of("draft", "nomination").contains(e.getPhase()) && !isReferendum(e);
        return Schedule.phaseAt(e.getPhase(), isReferendum(e), e.getNominationsOpenAt(), e.getVotingOpensAt(),
                e.getVotingClosesAt(), votingDue && !accepted(e).isEmpty(), now);
    }

    /** Enters, one after the other, each phase the schedule has reached; returns how many. */
    private int catchUp(ElectionEntity election, long now) {
        String target = phaseAt(election, now);
        List<String> path = isReferendum(election) ? List.of("draft", "voting", "closed") : List.of("draft", "nomination", "voting", "closed");
        int moved = 0;
        while (!target.equals(election.getPhase()) && path.contains(election.getPhase()) && path.contains(target)) {
            enter(election, path.get(path.indexOf(election.getPhase()) + 1));
            moved++;
        }
        return moved;
    }

    /** What entering a phase does, by an admin's act or by the clock. */
    private void enter(ElectionEntity election, String phase) {
        switch (phase) {
            case "nomination" -> new Electorate(session, realm).fix(election);
            case "voting" -> {
                new Electorate(session, realm).fix(election);
                new BallotOrder(session, realm).draw(election, accepted(election));
            }
            case "closed" -> SecretBallots.atClose(session, election);
            default -> { }
        }
        String from = election.getPhase();
        election.setPhase(phase);
        phaseChanged(election, from);
    }

    /** Tells the apps subscribed to phase changes (by an admin's act or by the clock). */
    void phaseChanged(ElectionEntity election, String from) {
        Webhooks.publish(session, realm, WebhookEvents.ELECTION_PHASE_CHANGED, webhookData(election, "phase",
                election.getPhase(), "previousPhase", from));
    }

    /** How webhook messages name an election: id and title, then the given name/value pairs. */
    Map<String, Object> webhookData(ElectionEntity election, Object... pairs) {
        Map<String, Object> data = Pairs.of("electionId", election.getId(), "title", election.getTitle(),
                "circle", CircleTerms.slugOf(session, election.getCircleId()));
        return Pairs.into(data, pairs);
    }

    static boolean isReferendum(ElectionEntity election) {
        return "referendum".equals(election.getMethod());
    }

    // --- reading

    public ElectionEntity require(String id) {
        ElectionEntity election = store.find(realm.getId(), id);
        if (election == null) {
            throw CommunityError.notFound("election_not_found", "No election with this id");
        }
        return election;
    }

    /** The realm's elections as they stand now (phases whose time has come are recorded first). */
    public List<ElectionEntity> list(boolean withDrafts, int first, int max) {
        advanceDue(Time.currentTimeMillis());
        return store.list(realm.getId(), withDrafts, first, max);
    }

    /** Every nominee: in ballot order once voting opened (the lot), by handle before. */
    public List<CandidateEntity> candidates(ElectionEntity election) {
        List<CandidateEntity> all = new ArrayList<>(store.candidates(election.getId()));
        all.sort(Comparator.comparing((CandidateEntity c) -> c.getPosition() == null ? Integer.MAX_VALUE : c.getPosition())
                .thenComparing(this::label));
        return all;
    }

    /** Accepted candidates in ballot order, which the BLT file, ties and recounts use too. */
    public List<CandidateEntity> accepted(ElectionEntity election) {
        return candidates(election).stream().filter(c -> "accepted".equals(c.getStatus())).toList();
    }

    public boolean voted(ElectionEntity election, UserModel user) {
        return store.voted(election.getId(), user.getId());
    }

    public long turnout(ElectionEntity election) {
        return store.voters(election.getId());
    }

    /** Eligible by the fixed electorate once it is fixed (and still an active member), by the criteria before. */
    public boolean isEligible(ElectionEntity election, UserModel user, boolean asCandidate) {
        MemberEntity member = new MemberStore(session).find(realm.getId(), user.getId());
        if (member == null || member.getStatus() != MembershipStatus.ACTIVE) {
            return false;
        }
        if (election.getElectorateFixedAt() != null) {
            return new Electorate(session, realm).includes(election, user, asCandidate);
        }
        ElectionRequest.Eligibility eligibility = StoredJson.read(election.getEligibility(), ElectionRequest.Eligibility.class);
        ElectionRequest.Criteria criteria = asCandidate ? eligibility.candidates() : eligibility.voters();
        long days = member.getJoinedAt() == null ? 0 : (Time.currentTimeMillis() - member.getJoinedAt()) / DAY_MILLIS;
        return (criteria.minReputation() == null || member.getReputation() >= criteria.minReputation())
                && (criteria.minMembershipDays() == null || days >= criteria.minMembershipDays())
                && (criteria.roles() == null || criteria.roles().stream()
                        .allMatch(r -> realm.getRole(r) != null && user.hasRole(realm.getRole(r))));
    }

    /** A candidate's name on the ballot: their handle, frozen when voting opened. */
    public String label(CandidateEntity candidate) {
        if (candidate.getLabel() != null) {
            return candidate.getLabel();
        }
        UserModel user = session.users().getUserById(realm, candidate.getUserId());
        String handle = user == null ? null : CommunityProfile.of(user).handle();
        return handle == null ? "candidate-" + candidate.getId().substring(0, 8) : handle;
    }

    /** The certified winners' user ids, in election order (empty for referendums). */
    public List<String> winners(ElectionEntity election) {
        return election.getWinners() == null ? List.of() : StoredJson.read(election.getWinners(), new TypeReference<List<String>>() { });
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

    /** Deletes a removed realm's elections with their candidates, voters and ballots. */
    public static void forgetRealm(KeycloakSession session, String realmId) {
        new ElectionStore(session).deleteByRealm(realmId);
    }
}
