package io.kccommunity.tally;

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
public final class MeekStv implements CountingMethod {

    static final long P = 1_000_000;
    private static final int PLACES = 6;

    /** Droop threshold rounded to the 10^-6 unit (Fractional) or to whole votes (Whole). */
    public enum Threshold { FRACTIONAL, WHOLE }

    private enum Status { HOPEFUL, ELECTED, ELIMINATED }

    private final Threshold thresholdKind;

    public MeekStv(Threshold thresholdKind) {
        this.thresholdKind = thresholdKind;
    }

    @Override
    public Result count(Election election) {
        if (!election.box().strict) {
            throw new IllegalArgumentException("meek-stv does not count equal preferences");
        }
        return new Count(election).run();
    }

    private final class Count {
        final Election election;
        final int n;
        final int seats;
        final long total;
        final Status[] status;
        final MeekTree tree;
        final List<long[]> counts = new ArrayList<>();
        final List<long[]> keepFactors = new ArrayList<>();
        final List<Long> thresholds = new ArrayList<>();
        final List<Long> surpluses = new ArrayList<>();
        final List<String> winners = new ArrayList<>();
        final List<Round> rounds = new ArrayList<>();
        long[] kf;
        boolean eliminatedBefore;

        Count(Election election) {
            this.election = election;
            this.n = election.candidates().size();
            this.seats = election.seats();
            this.total = election.totalWeight();
            this.status = new Status[n];
            this.tree = new MeekTree(election.box(), n);
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
                            next[c] = Fixed.mulDivCeil(kf[c], threshold, count[c]);
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
                        tree.remove(c);
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
            tree.count(kf, P, count);
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
            record(action, count, Fixed.format(threshold, PLACES), newlyElected, eliminated);
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
            return Ties.breakTie(tied, counts, round - 1, false);
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
            rounds.add(roundOf(rounds.size(), "elect remaining candidates", count, Fixed.format(thresholds.get(r), PLACES), rest, out));
        }

        /** Rounds are numbered as OpenSTV and OpaVote number them: the first count is round 1. */
        void record(String action, long[] count, String quota, List<Integer> electedNow, List<Integer> eliminatedNow) {
            rounds.add(roundOf(rounds.size() + 1, action, count, quota, electedNow, eliminatedNow));
        }

        Round roundOf(int number, String action, long[] count, String quota, List<Integer> electedNow, List<Integer> eliminatedNow) {
            Map<String, String> votes = new LinkedHashMap<>();
            for (int c = 0; c < n; c++) {
                votes.put(election.name(c), Fixed.format(count[c], PLACES));
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
    }

}
