package io.kccommunity.support;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.keycloak.util.JsonSerialization;

/** The JSON held in our columns (descriptions, eligibility, ballots, winners, webhook messages). */
public final class StoredJson {

    private StoredJson() {
    }

    public static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return JsonSerialization.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JsonSerialization.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable stored JSON", e);
        }
    }
}
