package io.kccommunity.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A nominee of an election: who, nominated by whom, their statement, and whether they accepted. */
@Entity
@Table(name = "COMMUNITY_CANDIDATE",
        uniqueConstraints = @UniqueConstraint(name = "UK_COMMUNITY_CANDIDATE", columnNames = {"ELECTION_ID", "USER_ID"}))
public class CandidateEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ELECTION_ID", length = 36, nullable = false)
    private String electionId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "NOMINATED_BY", length = 36, nullable = false)
    private String nominatedBy;

    /** nominated (awaiting the nominee), accepted, declined. */
    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "STATEMENT", length = 2000)
    private String statement;

    /** Place on the ballot, drawn by lot when voting opens (ties are broken by it). */
    @Column(name = "BALLOT_POSITION")
    private Integer position;

    /** The name on the ballot (the handle when voting opened), frozen for the election. */
    @Column(name = "LABEL", length = 30)
    private String label;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getElectionId() { return electionId; }
    public void setElectionId(String electionId) { this.electionId = electionId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getNominatedBy() { return nominatedBy; }
    public void setNominatedBy(String nominatedBy) { this.nominatedBy = nominatedBy; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getStatement() { return statement; }
    public void setStatement(String statement) { this.statement = statement; }
    public Integer getPosition() { return position; }
    public void setPosition(Integer position) { this.position = position; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
}
