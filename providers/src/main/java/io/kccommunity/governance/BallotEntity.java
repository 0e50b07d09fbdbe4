package io.kccommunity.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A ballot's content, with no user, no time and a random id: only the SHA-256 of the voter's
 * receipt finds it again (to change it, or to check it was counted).
 */
@Entity
@Table(name = "COMMUNITY_BALLOT",
        uniqueConstraints = @UniqueConstraint(name = "UK_COMMUNITY_BALLOT_RECEIPT", columnNames = {"RECEIPT_HASH"}))
public class BallotEntity {

    static final int CONTENT_LENGTH = 4000;

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ELECTION_ID", length = 36, nullable = false)
    private String electionId;

    @Column(name = "RECEIPT_HASH", length = 64, nullable = false)
    private String receiptHash;

    /** The choices as JSON: candidate ids in order of preference, or the referendum answer. */
    @Column(name = "CONTENT", length = CONTENT_LENGTH, nullable = false)
    private String content;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getElectionId() { return electionId; }
    public void setElectionId(String electionId) { this.electionId = electionId; }
    public String getReceiptHash() { return receiptHash; }
    public void setReceiptHash(String receiptHash) { this.receiptHash = receiptHash; }
    public String getContent() { return content; }
    public void setContent(String content) { this.content = content; }
}
