/**
 * The counting methods as first written, straightforward and slow, kept as the oracle that the
 * optimised engine in {@code io.kccommunity.tally} must agree with exactly (winners and every round).
 * Do not optimise these: their value is that they follow the rules step by step.
 */
package io.kccommunity.tally.reference;
