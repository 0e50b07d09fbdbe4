package io.kccommunity.governance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.advocacy.AdvocacyRules;
import io.kccommunity.support.StoredJson;
import io.kccommunity.support.Text;
import io.kccommunity.tally.CountingMethods;
import io.kccommunity.tally.Referendum;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.keycloak.models.RealmModel;

/**
 * What an admin sends to create or edit an election (the whole election each time). A referendum
 * ({@code method: referendum}) has a {@code question} and no candidates; the others have seats and,
 * optionally, an advocate role for the winners with a term in days. A circle's election ({@code circle}: its
 * slug) is open to the circle's active members only, and its winners moderate the circle for the term.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ElectionRequest(String title, Map<String, String> description, String method, Integer seats,
                              String question, Long quorum, String majority, String nominationsOpenAt,
                              String votingOpensAt, String votingClosesAt, Eligibility eligibility, String winnerRole,
                              Integer termDays, String circle) {

    /** Who may vote and who may stand. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Eligibility(Criteria voters, Criteria candidates) {
        static final Eligibility EVERY_MEMBER = new Eligibility(Criteria.NONE, Criteria.NONE);
    }

    /** Each condition left out holds for every active member. {@code roles}: realm roles, all required. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Criteria(Integer minReputation, Integer minMembershipDays, List<String> roles) {
        static final Criteria NONE = new Criteria(null, null, null);
    }

    /** Validates against the realm and writes the fields into {@code election}. */
    void applyTo(ElectionEntity election, RealmModel realm) {
        String cleanTitle = Text.clean("title", title, 200);
        if (cleanTitle == null) {
            throw Text.invalid("title", "is required");
        }
        if (method == null || !CountingMethods.exists(method)) {
            throw Text.invalid("method", "must be one of " + String.join(", ", CountingMethods.NAMES));
        }
        boolean referendum = "referendum".equals(method);
        int seatCount = seats == null ? 1 : seats;
        if (seatCount < 1 || seatCount > 50 || (!method.equals("block") && !CountingMethods.isRanked(method)
                && !method.equals("approval") && seatCount != 1)) {
            throw Text.invalid("seats", "must be 1 to 50, and 1 for plurality and referendums (use block for several seats)");
        }
        String cleanQuestion = Text.clean("question", question, 500);
        if (referendum != (cleanQuestion != null)) {
            throw Text.invalid("question", "is required for referendums and only for them");
        }
        long quorumVotes = quorum == null ? 0 : quorum;
        String majorityFraction = majority == null ? "1/2" : majority;
        boolean validMajority;
        try {
            Referendum.of(quorumVotes, majorityFraction);
            validMajority = majorityFraction.length() <= ElectionEntity.MAJORITY_LENGTH;
        } catch (IllegalArgumentException e) {
            validMajority = false;
        }
        if (!validMajority) {
            throw Text.invalid("majority", "must be a fraction such as 1/2 or 2/3 of at most "
                    + ElectionEntity.MAJORITY_LENGTH + " characters, and quorum not negative");
        }
        if (description != null && (description.size() > 10 || description.keySet().stream()
                .anyMatch(l -> l == null || !l.matches("[a-z]{2}(-[A-Z]{2})?")))) {
            throw Text.invalid("description", "maps up to 10 locales (en, pl, pt-BR ...) to texts");
        }
        Map<String, String> descriptions = description == null ? Map.of() : description;
        descriptions.values().forEach(text -> Text.paragraphs("description", text, 2000));
        String storedDescription = stored("description", descriptions, ElectionEntity.DESCRIPTION_LENGTH,
                "for all its languages together");
        Long nominations = instant("nominationsOpenAt", nominationsOpenAt);
        Long opens = instant("votingOpensAt", votingOpensAt);
        Long closes = instant("votingClosesAt", votingClosesAt);
        if ((nominations != null && opens != null && nominations >= opens) || (opens != null && closes != null && opens >= closes)
                || (nominations != null && closes != null && nominations >= closes)) {
            throw Text.invalid("schedule", "nominationsOpenAt, votingOpensAt and votingClosesAt must follow each other");
        }
        Eligibility rules = eligibility == null ? Eligibility.EVERY_MEMBER : eligibility;
        check("voters", rules.voters() == null ? Criteria.NONE : rules.voters(), realm);
        check("candidates", rules.candidates() == null ? Criteria.NONE : rules.candidates(), realm);
        if (winnerRole != null && (referendum || !AdvocacyRules.ROLES.contains(winnerRole))) {
            throw Text.invalid("winnerRole", "must be an advocate role (" + String.join(", ", AdvocacyRules.ROLES)
                    + "), and referendums have none");
        }
        if (circle != null && winnerRole != null) {
            throw Text.invalid("winnerRole", "is the circle's moderator role in a circle's election: leave it out");
        }
        boolean elects = winnerRole != null || (circle != null && !referendum);
        if (elects != (termDays != null) || (termDays != null && (termDays < 1 || termDays > 3650))) {
            throw Text.invalid("termDays", "goes with winnerRole (or a circle, whose moderators are elected): 1 to 3650 days");
        }
        String storedEligibility = stored("eligibility", new Eligibility(
                rules.voters() == null ? Criteria.NONE : rules.voters(),
                rules.candidates() == null ? Criteria.NONE : rules.candidates()), ElectionEntity.ELIGIBILITY_LENGTH,
                "with its role names");
        election.setTitle(cleanTitle);
        election.setDescription(storedDescription);
        election.setMethod(method);
        election.setSeats(seatCount);
        election.setQuestion(cleanQuestion);
        election.setQuorum(quorumVotes);
        election.setMajority(majorityFraction);
        election.setNominationsOpenAt(nominations);
        election.setVotingOpensAt(opens);
        election.setVotingClosesAt(closes);
        election.setEligibility(storedEligibility);
        election.setWinnerRole(winnerRole);
        election.setTermDays(termDays);
    }

    private static void check(String who, Criteria criteria, RealmModel realm) {
        if ((criteria.minReputation() != null && (criteria.minReputation() < -1_000_000 || criteria.minReputation() > 100_000_000))
                || (criteria.minMembershipDays() != null && (criteria.minMembershipDays() < 0 || criteria.minMembershipDays() > 3650))) {
            throw Text.invalid("eligibility", who + ": minReputation or minMembershipDays out of range");
        }
        if (criteria.roles() != null && (criteria.roles().size() > 10
                || criteria.roles().stream().anyMatch(r -> r == null || realm.getRole(r) == null))) {
            throw Text.invalid("eligibility", who + ": roles must name up to 10 existing realm roles");
        }
    }

    /** {@code value} as the JSON its column holds, refused when the column cannot hold it. */
    private static String stored(String field, Object value, int columnLength, String what) {
        String json = StoredJson.write(value);
        if (json.length() > columnLength) {
            throw Text.invalid(field, "must be at most " + columnLength + " characters " + what + ", written as JSON");
        }
        return json;
    }

    private static Long instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw Text.invalid(field, "must be an ISO-8601 instant such as 2027-01-01T00:00:00Z");
        }
    }
}
