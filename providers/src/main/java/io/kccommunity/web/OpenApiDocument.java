package io.kccommunity.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document of our REST API, kept beside the classes ({@value #RESOURCE}) and served as it
 * is: it describes the API, and holds no data of any realm.
 */
final class OpenApiDocument {

    static final String RESOURCE = "META-INF/community/openapi.json";

    private static final byte[] BYTES = read();

    private OpenApiDocument() {
    }

    static byte[] bytes() {
        return BYTES.clone();
    }

    private static byte[] read() {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the extension's JAR");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }
}
