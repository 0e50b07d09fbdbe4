package io.kccommunity.governance;

/**
 * Where an election stands by the clock: its recorded phase moved on by its schedule, so that every
 * request on every node sees the same phase the moment its time comes, whenever the sweep runs.
 * Pure: the server's clock and the recorded values in, the phase out.
 */
public final class Schedule {

    private Schedule() {
    }

    /**
     * The phase at {@code now}. Nominations open at {@code nominationsOpenAt} (not for referendums),
     * voting at {@code votingOpensAt} once someone stands (referendums need no candidate), and closes
     * at {@code votingClosesAt}. Closed, certified and cancelled elections stay where they are.
     */
    public static String phaseAt(String recorded, boolean referendum, Long nominationsOpenAt, Long votingOpensAt,
                                 Long votingClosesAt, boolean hasCandidates, long now) {
        String phase = recorded;
        if ("draft".equals(phase) && !referendum && due(nominationsOpenAt, now)) {
            phase = "nomination";
        }
        if (("draft".equals(phase) || "nomination".equals(phase)) && due(votingOpensAt, now) && (referendum || hasCandidates)) {
            phase = "voting";
        }
        if ("voting".equals(phase) && due(votingClosesAt, now)) {
            phase = "closed";
        }
        return phase;
    }

    private static boolean due(Long at, long now) {
        return at != null && at <= now;
    }
}
