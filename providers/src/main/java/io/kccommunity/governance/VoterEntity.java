package io.kccommunity.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * That a member voted in an election, and nothing else: no time, no ballot reference. The unique key
 * gives each member one ballot, however many requests race.
 */
@Entity
@Table(name = "COMMUNITY_VOTER",
        uniqueConstraints = @UniqueConstraint(name = "UK_COMMUNITY_VOTER", columnNames = {"ELECTION_ID", "USER_ID"}))
public class VoterEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "ELECTION_ID", length = 36, nullable = false)
    private String electionId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getElectionId() { return electionId; }
    public void setElectionId(String electionId) { this.electionId = electionId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
}
