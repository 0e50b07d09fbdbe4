package io.kccommunity.governance;

import org.keycloak.models.KeycloakSession;

/**
 * Secrecy at rest: what happens to an election's ballot and voter rows when voting closes, so that
 * no property of a database snapshot links a voter to a ballot.
 */
public final class SecretBallots {

    private SecretBallots() {
    }

    /** Called in the transaction that records the close of {@code election} (by an admin or by the clock). */
    static void atClose(KeycloakSession session, ElectionEntity election) {
        // not yet: the rows stay as they were written
    }
}
