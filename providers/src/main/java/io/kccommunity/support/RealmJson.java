package io.kccommunity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/** Settings kept as one JSON realm attribute: cached and invalidated cluster-wide by Keycloak, exported with the realm. */
public final class RealmJson {

    /** Parsed settings by attribute and text: tokens read the rules on every issue, parsing them once is enough. */
    private static final Map<String, Object> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 1024;

    private RealmJson() {
    }

    /**
     * {@code complete} applied to the attribute read as {@code type} (null when absent), computed once
     * per distinct attribute text. The result is shared between threads: it must not be changed.
     */
    @SuppressWarnings("unchecked")
    public static <T, R> R readShared(RealmModel realm, String attribute, Class<T> type, Function<T, R> complete) {
        String raw = realm.getAttribute(attribute);
        String key = type.getName() + '\n' + (raw == null ? "" : '=' + raw);
        Object known = PARSED.get(key);
        if (known != null) {
            return (R) known;
        }
        R value = complete.apply(parse(realm, attribute, raw, type));
        if (PARSED.size() >= MAX_PARSED) {
            PARSED.clear();
        }
        PARSED.put(key, value);
        return value;
    }

    private static <T> T parse(RealmModel realm, String attribute, String raw, Class<T> type) {
        if (raw == null) {
            return null;
        }
        try {
            return JsonSerialization.readValue(raw, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + attribute + " of realm " + realm.getName(), e);
        }
    }

    public static void write(RealmModel realm, String attribute, Object value) {
        try {
            realm.setAttribute(attribute, JsonSerialization.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
