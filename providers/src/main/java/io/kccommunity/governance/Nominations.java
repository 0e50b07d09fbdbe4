package io.kccommunity.governance;

import io.kccommunity.notices.Notice;
import io.kccommunity.notices.Notices;
import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.support.Text;
import io.kccommunity.web.CommunityError;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Nominations in one realm's elections: members nominate eligible members (or themselves), who accept with
 * a statement or decline.
 */
public final class Nominations {

    /**
     * Candidates who stand or may still stand (nominated or accepted) in one election. A ranking of all
     * of them fits the ballot's column ({@code CandidateLimitTest} checks it).
     */
    public static final int MAX_CANDIDATES = 100;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ElectionStore store;
    private final Elections elections;

    public Nominations(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = new ElectionStore(session);
        this.elections = new Elections(session, realm);
    }

    /** Nominates a member (or oneself, which counts as accepting). */
    public CandidateEntity nominate(ElectionEntity election, UserModel nominator, UserModel nominee, String statement) {
        // exclusive, so that concurrent nominations cannot pass the limit together
        store.lock(election, true);
        if (!"nomination".equals(elections.phaseNow(election))) {
            throw CommunityError.conflict("invalid_phase", "Nominations are not open");
        }
        elections.requireEligible(election, nominator, false);
        elections.requireEligible(election, nominee, true);
        if (CommunityProfile.of(nominee).handle() == null) {
            throw CommunityError.badRequest("invalid_nominee", "A candidate needs a community handle, shown on the ballot");
        }
        if (store.candidate(election.getId(), nominee.getId()) != null) {
            throw CommunityError.conflict("already_nominated", "This member is already nominated");
        }
        requireRoom(election);
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
        store.lock(election, true);
        if (!"nomination".equals(elections.phaseNow(election))) {
            throw CommunityError.conflict("invalid_phase", "Nominations are not open");
        }
        CandidateEntity candidate = store.candidate(election.getId(), nominee.getId());
        if (candidate == null) {
            throw CommunityError.notFound("not_nominated", "You are not nominated in this election");
        }
        if (accept && "declined".equals(candidate.getStatus())) {
            requireRoom(election);
        }
        candidate.setStatus(accept ? "accepted" : "declined");
        candidate.setStatement(accept ? Text.paragraphs("statement", statement, 2000) : null);
        store.flush();
        return candidate;
    }

    private void requireRoom(ElectionEntity election) {
        if (store.standing(election.getId()) >= MAX_CANDIDATES) {
            throw CommunityError.badRequest("too_many_candidates", "An election takes at most " + MAX_CANDIDATES
                    + " candidates (nominated or accepted)");
        }
    }
}
