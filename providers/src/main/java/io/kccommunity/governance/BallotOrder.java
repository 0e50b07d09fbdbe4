package io.kccommunity.governance;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The order of the ballot, drawn by lot when voting opens and published with the results and the BLT
 * file: the counting methods break their last ties by it (the later-listed candidate loses), so a
 * recount reproduces them, and no candidate can win a tie by renaming. The names on the ballot are
 * frozen at the same moment.
 */
final class BallotOrder {

    private static final SecureRandom LOT = new SecureRandom();

    private final Elections elections;

    BallotOrder(KeycloakSession session, RealmModel realm) {
        this.elections = new Elections(session, realm);
    }

    void draw(ElectionEntity election, List<CandidateEntity> accepted) {
        List<CandidateEntity> order = new ArrayList<>(accepted);
        Collections.shuffle(order, LOT);
        for (int i = 0; i < order.size(); i++) {
            CandidateEntity candidate = order.get(i);
            candidate.setLabel(elections.label(candidate));
            candidate.setPosition(i);
        }
    }
}
