package io.kccommunity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/** Settings kept as one JSON realm attribute: cached and invalidated cluster-wide by Keycloak, exported with the realm. */
public final class RealmJson {

    private RealmJson() {
    }

    /** The attribute read as {@code type}, or null when the realm has none. */
    public static <T> T read(RealmModel realm, String attribute, Class<T> type) {
        String raw = realm.getAttribute(attribute);
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
