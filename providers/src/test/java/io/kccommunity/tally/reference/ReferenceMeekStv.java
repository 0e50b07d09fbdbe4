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
 * Meek STV exactly as OpenSTV 1.7 counts it (and OpaVote for Stack Exchange moderator elections):
 * integers scaled by 10^6, one keep-factor update per round, rounding per node of the ballot tree,
 * dynamic Droop threshold, batch elimination of sure losers, delayed surplus transfer. Ties for
 * elimination are broken by the counts of earlier rounds, latest first, then by lot, which here is
 * reproducible: the candidate listed later in the ballot file is eliminated.
 */
public final class ReferenceMeekStv {

    static final long P = 1_000_000;
    private static final int PLACES = 6;

    /** Droop threshold rounded to the 10^-6 unit (Fractional) or to whole votes (Whole). */
    public enum Threshold { FRACTIONAL, WHOLE }

    private enum Status { HOPEFUL, ELECTED, ELIMINATED }

    private final Threshold thresholdKind;

    public ReferenceMeekStv(Threshold thresholdKind) {
        this.thresholdKind = thresholdKind;
    }

    public Result count(ReferenceElection election) {
        if (!election.ballots().stream().allMatch(Ballot::isStrict)) {
            throw new IllegalArgumentException("meek-stv does not count equal preferences");
        }
        return new Count(election).run();
    }

    private final class Count {
        final ReferenceElection election;
        final int n;
        final int seats;
        final long total;
        final Status[] status;
        final List<long[]> counts = new ArrayList<>();
        final List<long[]> keepFactors = new ArrayList<>();
        final List<Long> thresholds = new ArrayList<>();
        final List<Long> surpluses = new ArrayList<>();
        final List<String> winners = new ArrayList<>();
        final List<Round> rounds = new ArrayList<>();
        long[] kf;
        boolean eliminatedBefore;

        Count(ReferenceElection election) {
            this.election = election;
            this.n = election.candidates().size();
            this.seats = election.seats();
            this.total = election.totalWeight();
            this.status = new Status[n];
            Arrays.fill(status, Status.HOPEFUL);
            this.kf = new long[n];
            Arrays.fill(kf, P);
        }

        Result run() {
            update("first count", List.of());
            while (!(elected() == seats || hopeful() + elected() <= seats)) {
                int r = counts.size();
                long surplus = surpluses.get(r - 1);
                List<Integer> losers = sureLosers(r - 1);
                boolean repeated = r >= 2 && Arrays.equals(keepFactors.get(r - 1), keepFactors.get(r - 2));
                if (surplus >= 1 && losers.isEmpty() && !repeated) {
                    long threshold = thresholds.get(r - 1);
                    long[] count = counts.get(r - 1);
                    long[] next = kf.clone();
                    for (int c = 0; c < n; c++) {
                        if (status[c] != Status.ELIMINATED && count[c] > threshold) {
                            next[c] = ReferenceFixed.mulDivCeil(kf[c], threshold, count[c]);
                        }
                    }
                    kf = next;
                    update("transfer surpluses", List.of());
                } else {
                    List<Integer> out = new ArrayList<>();
                    if (repeated || losers.isEmpty()) {
                        out.add(lowestHopeful(r - 1));
                    } else {
                        out.addAll(losers);
                        long[] count = counts.get(r - 1);
                        boolean allZero = losers.stream().allMatch(c -> count[c] == 0);
                        if (!eliminatedBefore && surplus == 0 && allZero && hopeful() - out.size() > 0) {
                            out.add(lowestHopeful(r - 1, out));
                        }
                    }
                    eliminatedBefore = true;
                    for (int c : out) {
                        status[c] = Status.ELIMINATED;
                        kf[c] = 0;
                    }
                    update("eliminate", out);
                }
            }
            finish();
            return new Result("meek-stv", winners, rounds);
        }

        /** Counts the ballots with the current keep factors, then threshold, surplus and elections. */
        void update(String action, List<Integer> eliminated) {
            long[] count = new long[n];
            List<int[]> all = new ArrayList<>();
            List<Long> weights = new ArrayList<>();
            for (Ballot b : election.ballots()) {
                all.add(b.ranking());
                weights.add(b.weight());
            }
            int[] positions = new int[all.size()];
            distribute(all, weights, positions, indexes(all.size()), P, count);
            long sum = Arrays.stream(count).sum();
            long exhausted = P * total - sum;
            long numerator = P * total - exhausted;
            long threshold = thresholdKind == Threshold.FRACTIONAL
                    ? numerator / (seats + 1) + 1
                    : numerator / (seats + 1) / P * P + P;
            long surplus = 0;
            for (int c = 0; c < n; c++) {
                if (status[c] != Status.ELIMINATED && count[c] > threshold) {
                    surplus += count[c] - threshold;
                }
            }
            List<Integer> newlyElected = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (status[c] == Status.HOPEFUL && count[c] >= threshold) {
                    newlyElected.add(c);
                }
            }
            newlyElected.sort(Comparator.comparingLong((Integer c) -> -count[c]).thenComparingInt(c -> c));
            for (int c : newlyElected) {
                status[c] = Status.ELECTED;
                winners.add(election.name(c));
            }
            counts.add(count);
            keepFactors.add(kf.clone());
            thresholds.add(threshold);
            surpluses.add(surplus);
            record(action, count, ReferenceFixed.format(threshold, PLACES), newlyElected, eliminated);
        }

        /**
         * The ballot tree: ballots grouped by their next continuing candidate get that candidate's
         * share of the remainder, rounded down once per group; the rest flows on below elected ones.
         */
        void distribute(List<int[]> ballots, List<Long> weights, int[] positions, int[] group, long remainder, long[] count) {
            Map<Integer, List<Integer>> byCandidate = new LinkedHashMap<>();
            for (int i : group) {
                int[] ranking = ballots.get(i);
                int p = positions[i];
                while (p < ranking.length && status[ranking[p]] == Status.ELIMINATED) {
                    p++;
                }
                positions[i] = p;
                if (p < ranking.length) {
                    byCandidate.computeIfAbsent(ranking[p], k -> new ArrayList<>()).add(i);
                }
            }
            for (Map.Entry<Integer, List<Integer>> node : byCandidate.entrySet()) {
                int c = node.getKey();
                long weight = 0;
                for (int i : node.getValue()) {
                    weight += weights.get(i);
                }
                count[c] += ReferenceFixed.mulDiv(remainder * kf[c], weight, P);
                long rest = remainder * (P - kf[c]) / P;
                if (rest > 0) {
                    int[] below = node.getValue().stream().mapToInt(Integer::intValue).toArray();
                    int[] saved = new int[below.length];
                    for (int k = 0; k < below.length; k++) {
                        saved[k] = positions[below[k]];
                        positions[below[k]]++;
                    }
                    distribute(ballots, weights, positions, below, rest, count);
                    for (int k = 0; k < below.length; k++) {
                        positions[below[k]] = saved[k];
                    }
                }
            }
        }

        /** The largest set of lowest hopefuls that cannot overtake the next one even with all surplus. */
        List<Integer> sureLosers(int round) {
            long[] count = counts.get(round);
            List<Integer> hopefuls = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (status[c] == Status.HOPEFUL) {
                    hopefuls.add(c);
                }
            }
            hopefuls.sort(Comparator.comparingLong(c -> count[c]));
            long surplus = surpluses.get(round);
            if (surplus == 0 && hopefuls.stream().allMatch(c -> count[c] == 0)) {
                return hopefuls;
            }
            int maxLosers = hopeful() + elected() - seats;
            List<Integer> best = List.of();
            long accumulated = surplus;
            int i = 0;
            while (i < hopefuls.size()) {
                int j = i;
                while (j < hopefuls.size() && count[hopefuls.get(j)] == count[hopefuls.get(i)]) {
                    accumulated += count[hopefuls.get(j)];
                    j++;
                }
                if (j >= hopefuls.size()) {
                    break;
                }
                if (j <= maxLosers && accumulated < count[hopefuls.get(j)]) {
                    best = new ArrayList<>(hopefuls.subList(0, j));
                }
                i = j;
            }
            return best;
        }

        int lowestHopeful(int round) {
            return lowestHopeful(round, List.of());
        }

        /** Lowest at {@code round}; ties by the latest earlier round where they differ, then by lot. */
        int lowestHopeful(int round, List<Integer> excluded) {
            List<Integer> tied = new ArrayList<>();
            long lowest = Long.MAX_VALUE;
            long[] count = counts.get(round);
            for (int c = 0; c < n; c++) {
                if (status[c] != Status.HOPEFUL || excluded.contains(c)) {
                    continue;
                }
                if (count[c] < lowest) {
                    lowest = count[c];
                    tied.clear();
                }
                if (count[c] == lowest) {
                    tied.add(c);
                }
            }
            return ReferenceTies.breakTie(tied, counts, round - 1, false);
        }

        void finish() {
            if (elected() >= seats) {
                return;
            }
            int r = counts.size() - 1;
            long[] count = counts.get(r);
            List<Integer> out = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (status[c] == Status.HOPEFUL && count[c] == 0) {
                    out.add(c);
                }
            }
            out.forEach(c -> status[c] = Status.ELIMINATED);
            while (hopeful() + elected() > seats) {
                int c = lowestHopeful(r);
                status[c] = Status.ELIMINATED;
                out.add(c);
            }
            List<Integer> rest = new ArrayList<>();
            for (int c = 0; c < n; c++) {
                if (status[c] == Status.HOPEFUL) {
                    rest.add(c);
                }
            }
            rest.sort(Comparator.comparingLong((Integer c) -> -count[c]).thenComparingInt(c -> c));
            for (int c : rest) {
                status[c] = Status.ELECTED;
                winners.add(election.name(c));
            }
            // OpenSTV does this within its last round, so it keeps that round's number
            rounds.add(roundOf(rounds.size(), "elect remaining candidates", count, ReferenceFixed.format(thresholds.get(r), PLACES), rest, out));
        }

        /** Rounds are numbered as OpenSTV and OpaVote number them: the first count is round 1. */
        void record(String action, long[] count, String quota, List<Integer> electedNow, List<Integer> eliminatedNow) {
            rounds.add(roundOf(rounds.size() + 1, action, count, quota, electedNow, eliminatedNow));
        }

        Round roundOf(int number, String action, long[] count, String quota, List<Integer> electedNow, List<Integer> eliminatedNow) {
            Map<String, String> votes = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                votes.put(election.name(c), ReferenceFixed.format(count[c], PLACES));
            }
            return new Round(number, action, votes, quota,
                    electedNow.stream().map(election::name).toList(), eliminatedNow.stream().map(election::name).toList());
        }

        int elected() {
            return (int) Arrays.stream(status).filter(s -> s == Status.ELECTED).count();
        }

        int hopeful() {
            return (int) Arrays.stream(status).filter(s -> s == Status.HOPEFUL).count();
        }

        int[] indexes(int size) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
    }

}
