package io.kccommunity.governance;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kccommunity.events.CommunityMetrics;
import io.kccommunity.support.StoredJson;
import io.kccommunity.support.Writes;
import io.kccommunity.web.CommunityError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The ballot box of one realm's elections: secret ballots cast, changed and verified. The fact that a
 * member voted ({@link VoterEntity}) and what they voted ({@link BallotEntity}) are written in one
 * transaction with nothing that links them.
 */
public final class BallotBox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ElectionStore store;
    private final Elections elections;

    public BallotBox(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = new ElectionStore(session);
        this.elections = new Elections(session, realm);
    }

    /**
     * Casts or changes the member's ballot. The first ballot gets a new change key and the receipt
     * derived from it; changing the ballot needs the key, since nothing else leads from the member to
     * their ballot. The receipt, which a voter may show to prove their ballot is counted, changes nothing.
     */
    public Cast cast(ElectionEntity election, UserModel voter, BallotRequest request) {
        return Writes.guarded("The election", () -> castOnce(election, voter, request));
    }

    private Cast castOnce(ElectionEntity election, UserModel voter, BallotRequest request) {
        store.lock(election, false);
        if (!"voting".equals(elections.phaseNow(election))) {
            throw CommunityError.conflict("invalid_phase", "Voting is not open");
        }
        elections.requireEligible(election, voter, false);
        String content = StoredJson.write(request.canonical(election, elections.accepted(election)));
        if (!store.voted(election.getId(), voter.getId())) {
            VoterEntity row = new VoterEntity();
            row.setId(KeycloakModelUtils.generateId());
            row.setElectionId(election.getId());
            row.setUserId(voter.getId());
            store.persist(row);
            String changeKey = newChangeKey();
            String receipt = receiptOf(changeKey);
            BallotEntity ballot = new BallotEntity();
            ballot.setId(KeycloakModelUtils.generateId());
            ballot.setElectionId(election.getId());
            ballot.setReceiptHash(hash(receipt));
            ballot.setContent(content);
            store.persist(ballot);
            store.flush();
            CommunityMetrics.ballotCast(session, realm, true);
            return new Cast(receipt, changeKey);
        }
        String changeKey = request.changeKey();
        String receipt = changeKey == null || changeKey.length() > 100 ? null : receiptOf(changeKey);
        BallotEntity ballot = receipt == null ? null : store.ballot(election.getId(), hash(receipt));
        if (ballot == null) {
            throw CommunityError.conflict("already_voted",
                    "You have voted; to change your ballot send the changeKey given with your first ballot (a receipt only verifies)");
        }
        ballot.setContent(content);
        store.flush();
        CommunityMetrics.ballotCast(session, realm, false);
        return new Cast(receipt, null);
    }

    /** The ballot a receipt belongs to, or null. */
    public Map<String, Object> verify(ElectionEntity election, String receipt) {
        BallotEntity ballot = receipt == null || receipt.length() > 100 ? null : store.ballot(election.getId(), hash(receipt));
        return ballot == null ? null : StoredJson.read(ballot.getContent(), new TypeReference<Map<String, Object>>() { });
    }

    private static String newChangeKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The receipt of the ballot a change key changes: one-way, so a receipt shown to anyone never gives the key. */
    static String receiptOf(String changeKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("community-receipt:" + changeKey));
    }

    /** What the ballot row keeps of its receipt, and what the published list shows. */
    static String hash(String receipt) {
        return HexFormat.of().formatHex(sha256(receipt));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ballot just cast: its receipt, and the change key when it was the member's first (null for a change). */
    public record Cast(String receipt, String changeKey) {
        public boolean first() {
            return changeKey != null;
        }
    }
}
