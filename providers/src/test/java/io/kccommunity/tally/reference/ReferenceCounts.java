package io.kccommunity.tally.reference;

import io.kccommunity.tally.Result;

/** The reference counts by the names the engine's {@code CountingMethods} uses; "meek-stv-whole" for the whole-vote threshold. */
public final class ReferenceCounts {

    /** What referendums are counted with. */
    public static final long QUORUM = 3;
    public static final String MAJORITY = "2/3";

    private ReferenceCounts() {
    }

    public static Result count(String method, ReferenceElection election) {
        return switch (method) {
            case "plurality", "block" -> ReferenceScoreCount.plurality().count(election);
            case "approval" -> ReferenceScoreCount.approval().count(election);
            case "irv" -> new ReferenceInstantRunoff().count(election);
            case "schulze" -> new ReferenceSchulze().count(election);
            case "scottish-stv" -> new ReferenceScottishStv().count(election);
            case "meek-stv" -> new ReferenceMeekStv(ReferenceMeekStv.Threshold.FRACTIONAL).count(election);
            case "meek-stv-whole" -> new ReferenceMeekStv(ReferenceMeekStv.Threshold.WHOLE).count(election);
            case "referendum" -> ReferenceReferendum.of(QUORUM, MAJORITY).count(election);
            default -> throw new IllegalArgumentException("unknown method " + method);
        };
    }
}
