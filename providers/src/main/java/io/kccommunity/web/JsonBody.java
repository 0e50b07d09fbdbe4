package io.kccommunity.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Strict reading of request bodies, so that every malformed, oversized or unexpected body gets the
 * same clear 4xx instead of whatever the JAX-RS stack would answer. Bodies arrive as bytes: limits
 * count bytes, and text must be valid UTF-8 (nothing is replaced by U+FFFD).
 */
public final class JsonBody {

    /** Our requests are small settings objects; anything larger is a mistake or an attack. */
    public static final int MAX_BYTES = 64 * 1024;
    /**
     * The reputation batch: 500 events with 500-character reasons and 128-character keys fit even
     * when a client writes every character as a six-byte escape, as some JSON writers do for anything
     * beyond ASCII (about 3,900 bytes an event).
     */
    public static final int MAX_BATCH_BYTES = 2 * 1024 * 1024;

    static final int MAX_DEPTH = 32;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_BATCH_BYTES).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // "enabled": 12 or "enabled": "yes" is a mistake, not a boolean
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // nor is "name": 12 a name
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private JsonBody() {
    }

    /** Reads {@code body} as {@code type}; an empty body gives {@code emptyValue}. */
    public static <T> T read(HttpHeaders headers, byte[] body, Class<T> type, T emptyValue) {
        String text = text(headers, body, MAX_BYTES);
        if (text == null) {
            if (emptyValue == null) {
                throw CommunityError.badRequest("invalid_request", "A JSON request body is required");
            }
            return emptyValue;
        }
        return parse(text, MAPPER.constructType(type), "");
    }

    /**
     * One object or an array of them (a batch, whose items errors name as {@code itemsName[i]}), read
     * with the same strictness; up to {@code maxBytes}.
     */
    public static <T> OneOrMany<T> readOneOrMany(HttpHeaders headers, byte[] body, Class<T> type, String itemsName,
                                                 int maxBytes) {
        String text = text(headers, body, maxBytes);
        if (text == null) {
            throw CommunityError.badRequest("invalid_request", "A JSON request body is required");
        }
        if (text.stripLeading().startsWith("[")) {
            List<T> items = parse(text, MAPPER.getTypeFactory().constructCollectionType(List.class, type), itemsName);
            return new OneOrMany<>(items, true);
        }
        T one = parse(text, MAPPER.constructType(type), "");
        return new OneOrMany<>(List.of(one), false);
    }

    /** The items of a body that was either one object or an array. */
    public record OneOrMany<T>(List<T> items, boolean many) {
    }

    /** Refuses (415) a request whose Content-Type is missing, unreadable or anything but application/json. */
    public static void requireJson(HttpHeaders headers) {
        MediaType type;
        try {
            type = headers == null ? null : headers.getMediaType();
        } catch (IllegalArgumentException unreadable) {
            type = null;
        }
        // not isCompatible: that would take */* and application/* for JSON
        if (type == null || !"application".equalsIgnoreCase(type.getType()) || !"json".equalsIgnoreCase(type.getSubtype())) {
            throw new CommunityError(Status.UNSUPPORTED_MEDIA_TYPE, "invalid_request", "Content-Type must be application/json");
        }
    }

    /** The body as text, or null when it is empty or only whitespace. */
    private static String text(HttpHeaders headers, byte[] body, int maxBytes) {
        if (body == null || body.length == 0) {
            return null;
        }
        if (body.length > maxBytes) {
            throw new CommunityError(Status.REQUEST_ENTITY_TOO_LARGE, "invalid_request",
                    "The request body is larger than " + maxBytes + " bytes");
        }
        String text = utf8(body);
        if (text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            return null;
        }
        requireJson(headers);
        return text;
    }

    /** JSON is UTF-8 (RFC 8259), whatever charset the Content-Type claims; any malformed byte is refused. */
    static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw CommunityError.badRequest("invalid_request",
                    "The request body is not valid UTF-8 (byte " + in.position() + ")");
        }
        return out.flip().toString();
    }

    private static <T> T parse(String text, JavaType type, String rootName) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            T value = MAPPER.readValue(parser, type);
            if (value == null) {
                throw CommunityError.badRequest("invalid_request", "The request body must be " + JsonErrors.kind(type));
            }
            if (parser.nextToken() != null) {
                throw CommunityError.badRequest("invalid_request", "The request body holds more than one JSON value");
            }
            return value;
        } catch (JacksonException e) {
            throw CommunityError.badRequest("invalid_request", JsonErrors.describe(e, type, rootName));
        } catch (IOException e) {
            // reading a String does no I/O
            throw new IllegalStateException(e);
        }
    }
}
