package io.kccommunity.tally;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The counting methods by name, as the command line and elections in Keycloak name them. */
public final class CountingMethods {

    public static final List<String> NAMES = List.of("plurality", "block", "approval", "irv", "meek-stv",
            "scottish-stv", "schulze", "referendum");

    private static final Map<String, Supplier<CountingMethod>> METHODS = Map.of(
            "plurality", ScoreCount::plurality,
            "block", ScoreCount::plurality,
            "approval", ScoreCount::approval,
            "irv", InstantRunoff::new,
            "meek-stv", () -> new MeekStv(MeekStv.Threshold.FRACTIONAL),
            "scottish-stv", ScottishStv::new,
            "schulze", Schulze::new);

    private CountingMethods() {
    }

    public static boolean exists(String name) {
        return NAMES.contains(name);
    }

    /** The method; {@code quorum} and {@code majority} (e.g. "2/3") matter to referendums only. */
    public static CountingMethod of(String name, long quorum, String majority) {
        if ("referendum".equals(name)) {
            return Referendum.of(quorum, majority);
        }
        Supplier<CountingMethod> method = METHODS.get(name);
        if (method == null) {
            throw new IllegalArgumentException("unknown method " + name);
        }
        return method.get();
    }

    /** Ranked methods read an order of preference; the others a set of choices. */
    public static boolean isRanked(String name) {
        return List.of("irv", "meek-stv", "scottish-stv", "schulze").contains(name);
    }
}
