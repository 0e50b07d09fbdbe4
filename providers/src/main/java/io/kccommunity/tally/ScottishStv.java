package io.kccommunity.tally;

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
public final class ScottishStv implements CountingMethod {

    static final long ONE = 100_000;
    private static final int PLACES = 5;

    private enum Status { CONTINUING, ELECTED, EXCLUDED }

    /** Papers by ballot line: where on its ranking they are now, and their value each. */
    private static final class Papers {
        int size;
        int[] ballot = new int[8];
        int[] position = new int[8];
        long[] value = new long[8];

        void add(int b, int p, long v) {
            if (size == ballot.length) {
                ballot = java.util.Arrays.copyOf(ballot, size * 2);
                position = java.util.Arrays.copyOf(position, size * 2);
                value = java.util.Arrays.copyOf(value, size * 2);
            }
            ballot[size] = b;
            position[size] = p;
            value[size] = v;
            size++;
        }
    }

    @Override
    public Result count(Election election) {
        if (!election.box().strict) {
            throw new IllegalArgumentException("scottish-stv does not count equal preferences");
        }
        return new Count(election).run();
    }

    private static final class Count {
        final Election election;
        final BallotBox box;
        final int n;
        final int seats;
        final long quota;
        final Status[] status;
        final long[] votes;
        final boolean[] surplusDone;
        final Papers[] papers;
        final List<long[]> history = new ArrayList<>();
        final List<String> winners = new ArrayList<>();
        final List<Round> rounds = new ArrayList<>();

        Count(Election election) {
            this.election = election;
            this.box = election.box();
            this.n = election.candidates().size();
            this.seats = election.seats();
            this.quota = (election.totalWeight() / (seats + 1) + 1) * ONE;
            this.status = new Status[n];
            Arrays.fill(status, Status.CONTINUING);
            this.votes = new long[n];
            this.surplusDone = new boolean[n];
            this.papers = new Papers[n];
            for (int c = 0; c < n; c++) {
                papers[c] = new Papers();
            }
        }

        Result run() {
            for (int b = 0; b < box.size; b++) {
                give(b, box.rankStart[b], ONE);
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
        void give(int ballot, int position, long value) {
            int end = box.rankStart[ballot + 1];
            int p = position;
            while (p < end && status[box.choices[p]] != Status.CONTINUING) {
                p++;
            }
            if (p < end) {
                int c = box.choices[p];
                papers[c].add(ballot, p, value);
                votes[c] += value * box.weight[ballot];
            }
        }

        void transferSurplus(int c) {
            long surplus = votes[c] - quota;
            long total = votes[c];
            surplusDone[c] = true;
            Papers all = papers[c];
            papers[c] = new Papers();
            for (int i = 0; i < all.size; i++) {
                long value = Fixed.mulDiv(surplus, all.value[i], total);
                if (value > 0) {
                    give(all.ballot[i], all.position[i] + 1, value);
                }
            }
            votes[c] = quota;
        }

        void exclude(int c) {
            status[c] = Status.EXCLUDED;
            Papers all = papers[c];
            papers[c] = new Papers();
            votes[c] = 0;
            for (int i = 0; i < all.size; i++) {
                give(all.ballot[i], all.position[i] + 1, all.value[i]);
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
            return Ties.breakTie(tied, history, history.size() - 1, highest);
        }

        void record(String action, List<Integer> elected, List<Integer> excluded) {
            history.add(votes.clone());
            Map<String, String> shown = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                shown.put(election.name(c), Fixed.format(votes[c], PLACES));
            }
            rounds.add(new Round(rounds.size(), action, shown, Fixed.format(quota, PLACES),
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
