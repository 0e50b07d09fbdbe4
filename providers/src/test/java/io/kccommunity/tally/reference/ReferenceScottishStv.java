package io.kccommunity.tally.reference;

import io.kccommunity.tally.Ballot;
import io.kccommunity.tally.Result;
import io.kccommunity.tally.Round;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scottish STV (The Scottish Local Government Elections Order 2007, rules 45-52): integer Droop quota,
 * Weighted Inclusive Gregory transfers with values truncated to 5 decimals, the largest surplus first,
 * one exclusion at a time, and the last-vacancies rule. Ties (largest surplus, lowest candidate) are
 * broken by the votes at the latest earlier stage where the tied candidates differed, then by lot,
 * which here is reproducible: the candidate listed later in the ballot file loses.
 */
public final class ReferenceScottishStv {

    static final long ONE = 100_000;
    private static final int PLACES = 5;

    private enum Status { CONTINUING, ELECTED, EXCLUDED }

    /** Papers of one ballot line: where on the ranking they are now, and their value each. */
    private record Paper(int ballot, int position, long value) {
    }

    public Result count(ReferenceElection election) {
        if (!election.ballots().stream().allMatch(Ballot::isStrict)) {
            throw new IllegalArgumentException("scottish-stv does not count equal preferences");
        }
        return new Count(election).run();
    }

    private static final class Count {
        final ReferenceElection election;
        final int n;
        final int seats;
        final long quota;
        final Status[] status;
        final long[] votes;
        final boolean[] surplusDone;
        final List<List<Paper>> papers = new ArrayList<>();
        final List<long[]> history = new ArrayList<>();
        final List<String> winners = new ArrayList<>();
        final List<Round> rounds = new ArrayList<>();

        Count(ReferenceElection election) {
            this.election = election;
            this.n = election.candidates().size();
            this.seats = election.seats();
            this.quota = (election.totalWeight() / (seats + 1) + 1) * ONE;
            this.status = new Status[n];
            Arrays.fill(status, Status.CONTINUING);
            this.votes = new long[n];
            this.surplusDone = new boolean[n];
            for (int c = 0; c < n; c++) {
                papers.add(new ArrayList<>());
            }
        }

        Result run() {
            List<Ballot> ballots = election.ballots();
            for (int b = 0; b < ballots.size(); b++) {
                give(new Paper(b, 0, ONE));
            }
            record("first count", electAfterStage(), List.of());
            while (electedCount() < seats) {
                List<Integer> continuing = withStatus(Status.CONTINUING);
                if (continuing.size() <= seats - electedCount()) {
                    continuing.sort(Comparator.comparingLong((Integer c) -> -votes[c]).thenComparingInt(c -> c));
                    for (int c : continuing) {
                        status[c] = Status.ELECTED;
                        winners.add(election.name(c));
                    }
                    record("elect remaining candidates (last vacancies)", continuing, List.of());
                    break;
                }
                Integer surplus = largestSurplus();
                if (surplus != null) {
                    transferSurplus(surplus);
                    record("transfer surplus of " + election.name(surplus), electAfterStage(), List.of());
                } else {
                    int lowest = lowestContinuing();
                    exclude(lowest);
                    record("exclude " + election.name(lowest), electAfterStage(), List.of(lowest));
                }
            }
            return new Result("scottish-stv", winners, rounds);
        }

        /** A paper goes to the next continuing candidate at or after its position, or leaves the count. */
        void give(Paper paper) {
            int[] ranking = election.ballots().get(paper.ballot()).ranking();
            int p = paper.position();
            while (p < ranking.length && status[ranking[p]] != Status.CONTINUING) {
                p++;
            }
            if (p < ranking.length) {
                int c = ranking[p];
                papers.get(c).add(new Paper(paper.ballot(), p, paper.value()));
                votes[c] += paper.value() * election.ballots().get(paper.ballot()).weight();
            }
        }

        void transferSurplus(int c) {
            long surplus = votes[c] - quota;
            long total = votes[c];
            surplusDone[c] = true;
            List<Paper> all = papers.get(c);
            papers.set(c, new ArrayList<>());
            for (Paper paper : all) {
                long value = ReferenceFixed.mulDiv(surplus, paper.value(), total);
                if (value > 0) {
                    give(new Paper(paper.ballot(), paper.position() + 1, value));
                }
            }
            votes[c] = quota;
        }

        void exclude(int c) {
            status[c] = Status.EXCLUDED;
            List<Paper> all = papers.get(c);
            papers.set(c, new ArrayList<>());
            votes[c] = 0;
            for (Paper paper : all) {
                give(new Paper(paper.ballot(), paper.position() + 1, paper.value()));
            }
        }

        /**
         * After each stage: when no more candidates continue than seats remain, they are all elected
         * (the last-vacancies rule, which comes first); otherwise those who reached the quota.
         */
        List<Integer> electAfterStage() {
            List<Integer> continuing = withStatus(Status.CONTINUING);
            if (continuing.size() > seats - electedCount()) {
                return electReachingQuota();
            }
            continuing.sort(Comparator.comparingLong((Integer c) -> -votes[c]).thenComparingInt(c -> c));
            for (int c : continuing) {
                status[c] = Status.ELECTED;
                winners.add(election.name(c));
            }
            return continuing;
        }

        List<Integer> electReachingQuota() {
            List<Integer> reached = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (status[c] == Status.CONTINUING && votes[c] >= quota) {
                    reached.add(c);
                }
            }
            reached.sort(Comparator.comparingLong((Integer c) -> -votes[c]).thenComparingInt(c -> c));
            List<Integer> elected = new ArrayList<>();
            for (int c : reached) {
                if (electedCount() < seats) {
                    status[c] = Status.ELECTED;
                    winners.add(election.name(c));
                    elected.add(c);
                }
            }
            return elected;
        }

        Integer largestSurplus() {
            List<Integer> candidates = new ArrayList<>();
            long largest = 0;
            for (int c = 0; c < n; c++) {
                if (status[c] == Status.ELECTED && !surplusDone[c] && votes[c] > quota) {
                    long surplus = votes[c] - quota;
                    if (surplus > largest) {
                        largest = surplus;
                        candidates.clear();
                    }
                    if (surplus == largest) {
                        candidates.add(c);
                    }
                }
            }
            return candidates.isEmpty() ? null : breakTie(candidates, true);
        }

        int lowestContinuing() {
            List<Integer> tied = new ArrayList<>();
            long lowest = Long.MAX_VALUE;
            for (int c = 0; c < n; c++) {
                if (status[c] != Status.CONTINUING) {
                    continue;
                }
                if (votes[c] < lowest) {
                    lowest = votes[c];
                    tied.clear();
                }
                if (votes[c] == lowest) {
                    tied.add(c);
                }
            }
            return breakTie(tied, false);
        }

        int breakTie(List<Integer> tied, boolean highest) {
            return ReferenceTies.breakTie(tied, history, history.size() - 1, highest);
        }

        void record(String action, List<Integer> elected, List<Integer> excluded) {
            history.add(votes.clone());
            Map<String, String> shown = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                shown.put(election.name(c), ReferenceFixed.format(votes[c], PLACES));
            }
            rounds.add(new Round(rounds.size(), action, shown, ReferenceFixed.format(quota, PLACES),
                    elected.stream().map(election::name).toList(), excluded.stream().map(election::name).toList()));
        }

        int electedCount() {
            return (int) Arrays.stream(status).filter(s -> s == Status.ELECTED).count();
        }

        List<Integer> withStatus(Status wanted) {
            List<Integer> found = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (status[c] == wanted) {
                    found.add(c);
                }
            }
            return found;
        }
    }
}
