package io.kccommunity.governance;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kccommunity.events.CommunityMetrics;
import io.kccommunity.advocacy.Advocacy;
import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MemberStore;
import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.notices.Notice;
import io.kccommunity.notices.Notices;
import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.support.Text;
import io.kccommunity.support.Writes;
import io.kccommunity.tally.Ballot;
import io.kccommunity.tally.CountingMethods;
import io.kccommunity.tally.Election;
import io.kccommunity.tally.Result;
import io.kccommunity.web.CommunityError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Elections of one realm: phases, nominations, secret ballots with receipts, the count and the
 * winners' terms. The fact that a member voted ({@link VoterEntity}) and what they voted
 * ({@link BallotEntity}) are written in one transaction with nothing that links them.
 */
public final class Elections {

    public static final List<String> PHASES = List.of("draft", "nomination", "voting", "closed", "certified", "cancelled");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long DAY_MILLIS = 86_400_000L;

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
            }
            case "certify" -> {
                expect(election, "closed", action);
                certify(election);
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
                moved++;
            }
        }
        store.flush();
        return moved;
    }

    // --- members

    /** Nominates a member (or oneself, which counts as accepting). */
    public CandidateEntity nominate(ElectionEntity election, UserModel nominator, UserModel nominee, String statement) {
        store.lock(election, false);
        if (!"nomination".equals(election.getPhase())) {
            throw CommunityError.conflict("invalid_phase", "Nominations are not open");
        }
        requireEligible(election, nominator, false);
        requireEligible(election, nominee, true);
        if (CommunityProfile.of(nominee).handle() == null) {
            throw CommunityError.badRequest("invalid_nominee", "A candidate needs a community handle, shown on the ballot");
        }
        if (store.candidate(election.getId(), nominee.getId()) != null) {
            throw CommunityError.conflict("already_nominated", "This member is already nominated");
        }
        boolean self = nominator.getId().equals(nominee.getId());
        CandidateEntity candidate = new CandidateEntity();
        candidate.setId(KeycloakModelUtils.generateId());
        candidate.setElectionId(election.getId());
        candidate.setUserId(nominee.getId());
        candidate.setNominatedBy(nominator.getId());
        candidate.setStatus(self ? "accepted" : "nominated");
        candidate.setStatement(self ? Text.paragraphs("statement", statement, 2000) : null);
        store.persist(candidate);
        store.flush();
        if (!self) {
            Notices.send(session, realm, nominee, Notice.NOMINATED, Notices.attributes("election", election.getTitle(),
                    "nominator", CommunityProfile.of(nominator).handle()));
        }
        return candidate;
    }

    /** The nominee answers: accept (with a statement) or decline. */
    public CandidateEntity answer(ElectionEntity election, UserModel nominee, boolean accept, String statement) {
        store.lock(election, false);
        if (!"nomination".equals(election.getPhase())) {
            throw CommunityError.conflict("invalid_phase", "Nominations are not open");
        }
        CandidateEntity candidate = store.candidate(election.getId(), nominee.getId());
        if (candidate == null) {
            throw CommunityError.notFound("not_nominated", "You are not nominated in this election");
        }
        candidate.setStatus(accept ? "accepted" : "declined");
        candidate.setStatement(accept ? Text.paragraphs("statement", statement, 2000) : null);
        store.flush();
        return candidate;
    }

    /**
     * Casts or changes the member's ballot. The first ballot gets a new receipt; changing it needs
     * that receipt, since nothing else leads from the member to their ballot.
     */
    public Cast cast(ElectionEntity election, UserModel voter, BallotRequest request) {
        return Writes.guarded("The election", () -> castOnce(election, voter, request));
    }

    private Cast castOnce(ElectionEntity election, UserModel voter, BallotRequest request) {
        store.lock(election, false);
        if (!"voting".equals(election.getPhase())) {
            throw CommunityError.conflict("invalid_phase", "Voting is not open");
        }
        requireEligible(election, voter, false);
        String content = Json.write(request.canonical(election, accepted(election)));
        if (!store.voted(election.getId(), voter.getId())) {
            VoterEntity row = new VoterEntity();
            row.setId(KeycloakModelUtils.generateId());
            row.setElectionId(election.getId());
            row.setUserId(voter.getId());
            store.persist(row);
            String receipt = newReceipt();
            BallotEntity ballot = new BallotEntity();
            ballot.setId(KeycloakModelUtils.generateId());
            ballot.setElectionId(election.getId());
            ballot.setReceiptHash(hash(receipt));
            ballot.setContent(content);
            store.persist(ballot);
            store.flush();
            CommunityMetrics.ballotCast(session, realm, true);
            return new Cast(receipt, true);
        }
        BallotEntity ballot = request.receipt() == null ? null : store.ballot(election.getId(), hash(request.receipt()));
        if (ballot == null) {
            throw CommunityError.conflict("already_voted", "You have voted; send your receipt to change your ballot");
        }
        ballot.setContent(content);
        store.flush();
        CommunityMetrics.ballotCast(session, realm, false);
        return new Cast(request.receipt(), false);
    }

    /** The ballot a receipt belongs to, or null. */
    public Map<String, Object> verify(ElectionEntity election, String receipt) {
        BallotEntity ballot = receipt == null || receipt.length() > 100 ? null : store.ballot(election.getId(), hash(receipt));
        return ballot == null ? null : Json.read(ballot.getContent(), new TypeReference<Map<String, Object>>() { });
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

    /** The election as counted: candidates by handle, the ballots in canonical order. */
    public Election tallyInput(ElectionEntity election) {
        boolean referendum = "referendum".equals(election.getMethod());
        List<CandidateEntity> candidates = accepted(election);
        List<String> names = referendum ? List.of("Yes", "No") : candidates.stream().map(this::label).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            index.put(candidates.get(i).getId(), i);
        }
        List<Ballot> ballots = new ArrayList<>();
        for (String content : store.ballotContents(election.getId())) {
            BallotRequest ballot = Json.read(content, BallotRequest.class);
            int[] ranking = referendum ? new int[] {"yes".equals(ballot.answer()) ? 0 : 1}
                    : ballot.choices().stream().filter(index::containsKey).mapToInt(index::get).toArray();
            if (ranking.length > 0) {
                ballots.add(new Ballot(1, ranking));
            }
        }
        return new Election(election.getTitle(), names, Math.min(election.getSeats(), Math.max(1, names.size())), ballots);
    }

    public Result count(ElectionEntity election) {
        return CountingMethods.of(election.getMethod(), election.getQuorum(),
                election.getMajority() == null ? "1/2" : election.getMajority()).count(tallyInput(election));
    }

    public List<String> receiptHashes(ElectionEntity election) {
        return store.receiptHashes(election.getId());
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

    /** Counts, fixes the winners, and grants them the election's role for its term. */
    private void certify(ElectionEntity election) {
        Result result = count(election);
        List<String> winnerIds = new ArrayList<>();
        if (!"referendum".equals(election.getMethod())) {
            Map<String, CandidateEntity> byLabel = new LinkedHashMap<>();
            accepted(election).forEach(c -> byLabel.put(label(c), c));
            for (String name : result.winners()) {
                CandidateEntity winner = byLabel.get(name);
                if (winner != null) {
                    winnerIds.add(winner.getUserId());
                }
            }
        }
        election.setWinners(Json.write(winnerIds));
        election.setPhase("certified");
        if (election.getWinnerRole() != null) {
            long until = Time.currentTimeMillis() + election.getTermDays() * DAY_MILLIS;
            Advocacy advocacy = new Advocacy(session, realm);
            for (String userId : winnerIds) {
                UserModel user = session.users().getUserById(realm, userId);
                MemberEntity member = user == null ? null : new MemberStore(session).find(realm.getId(), userId);
                if (member != null && member.getStatus() == MembershipStatus.ACTIVE) {
                    advocacy.grant(user, election.getWinnerRole(), Advocacy.ELECTION, null, "elected: " + election.getTitle(), until);
                    Notices.send(session, realm, user, Notice.ELECTED, Notices.attributes("election", election.getTitle(),
                            "role", election.getWinnerRole(), "termEnd", Notices.date(until)));
                }
            }
        }
    }

    private void requireEligible(ElectionEntity election, UserModel user, boolean asCandidate) {
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

    private static String newReceipt() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String receipt) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(receipt.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a removed realm's elections with their candidates, voters and ballots. */
    public static void forgetRealm(KeycloakSession session, String realmId) {
        new ElectionStore(session).deleteByRealm(realmId);
    }

    /** A ballot just cast: its receipt, and whether it was the member's first. */
    public record Cast(String receipt, boolean first) {
    }
}
