package io.kccommunity.tally;

/** A way of counting ballots into winners. Implementations are pure and deterministic. */
public interface CountingMethod {

    Result count(Election election);
}
