package io.kccommunity.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One member of an election's fixed electorate: who may vote ({@value #VOTER}) or stand
 * ({@value #CANDIDATE}), decided once when nominations open (when voting opens for referendums).
 */
@Entity
@Table(name = "COMMUNITY_ELECTOR")
@IdClass(ElectorEntity.Key.class)
public class ElectorEntity {

    static final String VOTER = "V";
    static final String CANDIDATE = "C";

    @Id
    @Column(name = "ELECTION_ID", length = 36)
    private String electionId;

    @Id
    @Column(name = "KIND", length = 1)
    private String kind;

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    /** The primary key: election, kind, user. */
    public static class Key implements Serializable {
        private String electionId;
        private String kind;
        private String userId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(electionId, k.electionId) && Objects.equals(kind, k.kind)
                    && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(electionId, kind, userId);
        }
    }

    public String getElectionId() { return electionId; }
    public void setElectionId(String electionId) { this.electionId = electionId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
}
