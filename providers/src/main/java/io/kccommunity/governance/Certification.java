package io.kccommunity.governance;

import io.kccommunity.advocacy.Advocacy;
import io.kccommunity.circles.CircleTerms;
import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MemberStore;
import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.notices.Notice;
import io.kccommunity.notices.Notices;
import io.kccommunity.support.StoredJson;
import io.kccommunity.tally.Ballot;
import io.kccommunity.tally.BltWriter;
import io.kccommunity.tally.CountingMethods;
import io.kccommunity.tally.Election;
import io.kccommunity.tally.Result;
import io.kccommunity.tally.Round;
import io.kccommunity.webhooks.WebhookEvents;
import io.kccommunity.webhooks.Webhooks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The count of one realm's elections and their certification: the ballots as counted, the result, the
 * winners fixed and granted the election's role for its term.
 */
public final class Certification {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ElectionStore store;
    private final Elections elections;

    public Certification(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = new ElectionStore(session);
        this.elections = new Elections(session, realm);
    }

    /** The election as counted: candidates in ballot order, the ballots in canonical order. */
    Election tallyInput(ElectionEntity election) {
        boolean referendum = "referendum".equals(election.getMethod());
        List<CandidateEntity> candidates = elections.accepted(election);
        List<String> names = referendum ? List.of("Yes", "No") : candidates.stream().map(elections::label).toList();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            index.put(candidates.get(i).getId(), i);
        }
        List<Ballot> ballots = new ArrayList<>();
        for (String content : store.ballotContents(election.getId())) {
            BallotRequest ballot = StoredJson.read(content, BallotRequest.class);
            int[] ranking = referendum ? new int[] {"yes".equals(ballot.answer()) ? 0 : 1}
                    : ballot.choices().stream().filter(index::containsKey).mapToInt(index::get).toArray();
            if (ranking.length > 0) {
                ballots.add(new Ballot(1, ranking));
            }
        }
        return new Election(election.getTitle(), names, Math.min(election.getSeats(), Math.max(1, names.size())), ballots);
    }

    /** What a count found, as stored: the result, the ballots counted, the ballot order (the lot). */
    public record Count(String method, int seats, List<String> winners, List<Round> rounds, int ballots,
                        List<String> candidateOrder, String countedAt) {
    }

    /**
     * The count of a closed election, made once (at the first admin's preview or at certification:
     * ballots cannot change after the close) and served from storage ever after. Only this election
     * waits for it; a concurrent first count of the same election loses on the key and is sent again.
     */
    public Count count(ElectionEntity election) {
        ElectionResultEntity stored = store.result(election.getId());
        if (stored != null) {
            return StoredJson.read(stored.getResult(), Count.class);
        }
        Election input = tallyInput(election);
        Result result = CountingMethods.of(election.getMethod(), election.getQuorum(),
                election.getMajority() == null ? "1/2" : election.getMajority()).count(input);
        long now = Time.currentTimeMillis();
        Count count = new Count(election.getMethod(), election.getSeats(), result.winners(), result.rounds(),
                (int) input.ballots().stream().mapToLong(Ballot::weight).sum(), input.candidates(),
                java.time.Instant.ofEpochMilli(now).toString());
        ElectionResultEntity entity = new ElectionResultEntity();
        entity.setElectionId(election.getId());
        entity.setResult(StoredJson.write(count));
        entity.setBlt(BltWriter.write(input));
        entity.setCountedAt(now);
        store.persist(entity);
        store.flush();
        return count;
    }

    public List<String> receiptHashes(ElectionEntity election) {
        return store.receiptHashes(election.getId());
    }

    /** The anonymised ballots of a counted election, as a BLT file. */
    public String blt(ElectionEntity election) {
        count(election);
        return store.result(election.getId()).getBlt();
    }

    /** Counts, fixes the winners, and grants them the election's role for its term. */
    void certify(ElectionEntity election) {
        Count result = count(election);
        List<String> winnerIds = new ArrayList<>();
        if (!"referendum".equals(election.getMethod())) {
            Map<String, CandidateEntity> byLabel = new LinkedHashMap<>();
            elections.accepted(election).forEach(c -> byLabel.put(elections.label(c), c));
            for (String name : result.winners()) {
                CandidateEntity winner = byLabel.get(name);
                if (winner != null) {
                    winnerIds.add(winner.getUserId());
                }
            }
        }
        election.setWinners(StoredJson.write(winnerIds));
        election.setPhase("certified");
        elections.phaseChanged(election, "closed");
        List<Map<String, Object>> winners = new ArrayList<>();
        for (String userId : winnerIds) {
            UserModel user = session.users().getUserById(realm, userId);
            winners.add(user != null ? Webhooks.member(user) : Map.of("userId", userId));
        }
        Webhooks.publish(session, realm, WebhookEvents.ELECTION_CERTIFIED, elections.webhookData(election,
                "method", election.getMethod(), "winners", winners, "winnerRole", election.getWinnerRole(),
                "termDays", election.getTermDays()));
        if (election.getCircleId() != null && election.getTermDays() != null) {
            long until = Time.currentTimeMillis() + election.getTermDays() * Elections.DAY_MILLIS;
            for (String userId : winnerIds) {
                UserModel user = session.users().getUserById(realm, userId);
                if (user != null && io.kccommunity.membership.Memberships.isActive(realm, user)) {
                    CircleTerms.elect(session, realm, election.getCircleId(), user, until);
                }
            }
        }
        if (election.getWinnerRole() != null) {
            long until = Time.currentTimeMillis() + election.getTermDays() * Elections.DAY_MILLIS;
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
}
