package io.kccommunity.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * Strict reading of request bodies, so that every malformed, oversized or unexpected body gets the
 * same clear 4xx instead of whatever the JAX-RS stack would answer.
 */
public final class JsonBody {

    /** Our requests are small settings objects; anything larger is a mistake or an attack. */
    public static final int MAX_CHARS = 64 * 1024;
    /** Batch endpoints (e.g. 500 reputation events) accept up to this. */
    public static final int MAX_BATCH_CHARS = 512 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_BATCH_CHARS).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
    public static <T> T read(HttpHeaders headers, String body, Class<T> type, T emptyValue) {
        if (body == null || body.isBlank()) {
            if (emptyValue == null) {
                throw CommunityError.badRequest("invalid_request", "A JSON request body is required");
            }
            return emptyValue;
        }
        return parse(headers, body, MAX_CHARS, MAPPER.constructType(type));
    }

    /** One object or an array of them (a batch), read with the same strictness; up to {@code maxChars}. */
    public static <T> OneOrMany<T> readOneOrMany(HttpHeaders headers, String body, Class<T> type, int maxChars) {
        if (body == null || body.isBlank()) {
            throw CommunityError.badRequest("invalid_request", "A JSON request body is required");
        }
        if (body.stripLeading().startsWith("[")) {
            List<T> items = parse(headers, body, maxChars, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
            return new OneOrMany<>(items, true);
        }
        T one = parse(headers, body, maxChars, MAPPER.constructType(type));
        return new OneOrMany<>(List.of(one), false);
    }

    /** The items of a body that was either one object or an array. */
    public record OneOrMany<T>(List<T> items, boolean many) {
    }

    private static <T> T parse(HttpHeaders headers, String body, int maxChars, JavaType type) {
        if (body.length() > maxChars) {
            throw new CommunityError(Status.REQUEST_ENTITY_TOO_LARGE, "invalid_request",
                    "The request body is larger than " + maxChars + " characters");
        }
        MediaType mediaType = headers == null ? null : headers.getMediaType();
        if (mediaType == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType)) {
            throw new CommunityError(Status.UNSUPPORTED_MEDIA_TYPE, "invalid_request", "Content-Type must be application/json");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw CommunityError.badRequest("invalid_request", "The request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw CommunityError.badRequest("invalid_request", "Unknown field '" + e.getPropertyName() + "'");
        } catch (JacksonException e) {
            throw CommunityError.badRequest("invalid_request", "The request body is not valid JSON for this endpoint: "
                    + e.getOriginalMessage());
        }
    }
}
