package io.kccommunity.governance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An election or referendum of one realm's community, its schedule, its rules and, once closed, its count. */
@Entity
@Table(name = "COMMUNITY_ELECTION")
public class ElectionEntity {

    /** Column sizes that requests are checked against before anything is written. */
    static final int DESCRIPTION_LENGTH = 4000;
    static final int MAJORITY_LENGTH = 8;
    static final int ELIGIBILITY_LENGTH = 2000;

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    /** Descriptions by locale, as JSON ({@code {"en": "...", "pl": "..."}}). */
    @Column(name = "DESCRIPTION", length = DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "METHOD", length = 16, nullable = false)
    private String method;

    @Column(name = "SEATS", nullable = false)
    private int seats;

    /** For referendums: the yes/no question. */
    @Column(name = "QUESTION", length = 500)
    private String question;

    /** Referendums: votes needed for a valid result, and the majority (e.g. 2/3). */
    @Column(name = "QUORUM", nullable = false)
    private long quorum;

    @Column(name = "MAJORITY", length = MAJORITY_LENGTH)
    private String majority;

    @Column(name = "PHASE", length = 16, nullable = false)
    private String phase;

    @Column(name = "NOMINATIONS_OPEN_AT")
    private Long nominationsOpenAt;

    @Column(name = "VOTING_OPENS_AT")
    private Long votingOpensAt;

    @Column(name = "VOTING_CLOSES_AT")
    private Long votingClosesAt;

    /** Who may vote and who may stand, as JSON; fixed once nominations open. */
    @Column(name = "ELIGIBILITY", length = ELIGIBILITY_LENGTH, nullable = false)
    private String eligibility;

    /** The advocate role winners receive (e.g. board-member), and for how long. */
    @Column(name = "WINNER_ROLE", length = 32)
    private String winnerRole;

    @Column(name = "TERM_DAYS")
    private Integer termDays;

    /** The circle whose election this is (its id), or null for the community's. */
    @Column(name = "CIRCLE_ID", length = 36)
    private String circleId;

    /**
     * The winners' candidate ids in election order (JSON), fixed at certification. The count itself
     * is recomputed from the ballots, which cannot change once voting closes.
     */
    @Column(name = "WINNERS", length = 2000)
    private String winners;

    /** When the electorate was fixed (voters and candidates in {@link ElectorEntity}); null while it is not. */
    @Column(name = "ELECTORATE_FIXED_AT")
    private Long electorateFixedAt;

    @Column(name = "ELIGIBLE_VOTERS")
    private Integer eligibleVoters;

    @Column(name = "ELIGIBLE_CANDIDATES")
    private Integer eligibleCandidates;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public int getSeats() { return seats; }
    public void setSeats(int seats) { this.seats = seats; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public long getQuorum() { return quorum; }
    public void setQuorum(long quorum) { this.quorum = quorum; }
    public String getMajority() { return majority; }
    public void setMajority(String majority) { this.majority = majority; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public Long getNominationsOpenAt() { return nominationsOpenAt; }
    public void setNominationsOpenAt(Long nominationsOpenAt) { this.nominationsOpenAt = nominationsOpenAt; }
    public Long getVotingOpensAt() { return votingOpensAt; }
    public void setVotingOpensAt(Long votingOpensAt) { this.votingOpensAt = votingOpensAt; }
    public Long getVotingClosesAt() { return votingClosesAt; }
    public void setVotingClosesAt(Long votingClosesAt) { this.votingClosesAt = votingClosesAt; }
    public String getEligibility() { return eligibility; }
    public void setEligibility(String eligibility) { this.eligibility = eligibility; }
    public String getWinnerRole() { return winnerRole; }
    public void setWinnerRole(String winnerRole) { this.winnerRole = winnerRole; }
    public Integer getTermDays() { return termDays; }
    public void setTermDays(Integer termDays) { this.termDays = termDays; }
    public String getWinners() { return winners; }
    public void setWinners(String winners) { this.winners = winners; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public int getVersion() { return version; }
    public Long getElectorateFixedAt() { return electorateFixedAt; }
    public void setElectorateFixedAt(Long electorateFixedAt) { this.electorateFixedAt = electorateFixedAt; }
    public Integer getEligibleVoters() { return eligibleVoters; }
    public void setEligibleVoters(Integer eligibleVoters) { this.eligibleVoters = eligibleVoters; }
    public Integer getEligibleCandidates() { return eligibleCandidates; }
    public void setEligibleCandidates(Integer eligibleCandidates) { this.eligibleCandidates = eligibleCandidates; }
    public String getCircleId() { return circleId; }
    public void setCircleId(String circleId) { this.circleId = circleId; }
}
