package io.kccommunity.webhooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.keycloak.util.JsonSerialization;

/** Message bodies as JSON text. */
final class WebhookJson {

    private WebhookJson() {
    }

    static String write(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
