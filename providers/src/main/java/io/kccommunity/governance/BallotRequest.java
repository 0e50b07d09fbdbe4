package io.kccommunity.governance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.tally.CountingMethods;
import io.kccommunity.web.CommunityError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A ballot as a member sends it: {@code ranking} (candidate ids, most preferred first) for ranked
 * methods, {@code choices} for plurality (one), block (up to the seats) and approval (any), or
 * {@code answer} ({@code yes}/{@code no}) for referendums; {@code changeKey} to change one's ballot.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BallotRequest(List<String> ranking, List<String> choices, String answer, String changeKey) {

    /**
     * The ballot as stored: candidate ids under {@code choices} (a ranking in the voter's order, other
     * choices in the ballot order of {@code candidates}, so that a ballot carries no pattern a voter could be
     * told to click in), or the answer; nothing else.
     */
    BallotRequest canonical(ElectionEntity election, List<CandidateEntity> candidates) {
        String method = election.getMethod();
        if ("referendum".equals(method)) {
            if (ranking != null || choices != null || !("yes".equals(answer) || "no".equals(answer))) {
                throw invalid("a referendum ballot is {\"answer\": \"yes\"} or {\"answer\": \"no\"}");
            }
            return new BallotRequest(null, null, answer, null);
        }
        boolean ranked = CountingMethods.isRanked(method);
        List<String> picked = ranked ? ranking : choices;
        if (answer != null || (ranked ? choices != null : ranking != null) || picked == null || picked.isEmpty()) {
            throw invalid(ranked ? "this election takes a \"ranking\" of candidate ids" : "this election takes \"choices\" of candidate ids");
        }
        Set<String> known = new HashSet<>();
        candidates.forEach(c -> known.add(c.getId()));
        Set<String> chosen = new HashSet<>(picked);
        if (picked.stream().anyMatch(id -> id == null || !known.contains(id)) || chosen.size() != picked.size()) {
            throw invalid("every choice must be a different candidate of this election");
        }
        int most = switch (method) {
            case "plurality" -> 1;
            case "block" -> election.getSeats();
            default -> Math.min(candidates.size(), Nominations.MAX_CANDIDATES);
        };
        if (picked.size() > most) {
            throw invalid("at most " + most + " choice" + (most == 1 ? "" : "s"));
        }
        List<String> stored = ranked ? List.copyOf(picked)
                : candidates.stream().map(CandidateEntity::getId).filter(chosen::contains).toList();
        return new BallotRequest(null, stored, null, null);
    }

    private static CommunityError invalid(String why) {
        return CommunityError.badRequest("invalid_ballot", why);
    }
}
