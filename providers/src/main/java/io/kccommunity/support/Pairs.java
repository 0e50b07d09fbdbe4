package io.kccommunity.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Maps from name/value pairs, in their order, for template models and message payloads. */
public final class Pairs {

    private Pairs() {
    }

    /** {@code into} with the pairs added; pairs whose value is null are left out. */
    public static Map<String, Object> into(Map<String, Object> into, Object... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                into.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return into;
    }

    public static Map<String, Object> of(Object... pairs) {
        return into(new LinkedHashMap<>(), pairs);
    }
}
