package io.kccommunity.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Nationalized;

/**
 * An election's count, made once after voting closed (ballots cannot change any more) and served
 * from here: the result with its rounds, and the anonymised ballots as a BLT file.
 */
@Entity
@Table(name = "COMMUNITY_ELECTION_RESULT")
public class ElectionResultEntity {

    @Id
    @Column(name = "ELECTION_ID", length = 36)
    private String electionId;

    /** JSON: method, seats, winners, rounds, ballots, candidate order. */
    @Nationalized
    @Column(name = "RESULT", nullable = false)
    private String result;

    @Nationalized
    @Column(name = "BLT", nullable = false)
    private String blt;

    @Column(name = "COUNTED_AT", nullable = false)
    private long countedAt;

    public String getElectionId() { return electionId; }
    public void setElectionId(String electionId) { this.electionId = electionId; }
    public String getResult() { return result; }
    public void setResult(String result) { this.result = result; }
    public String getBlt() { return blt; }
    public void setBlt(String blt) { this.blt = blt; }
    public long getCountedAt() { return countedAt; }
    public void setCountedAt(long countedAt) { this.countedAt = countedAt; }
}
