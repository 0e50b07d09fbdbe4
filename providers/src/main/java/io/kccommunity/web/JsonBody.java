package io.kccommunity.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

/**
 * Strict reading of request bodies, so that every malformed, oversized or unexpected body gets the
 * same clear 4xx instead of whatever the JAX-RS stack would answer.
 */
public final class JsonBody {

    /** Our requests are small settings objects; anything larger is a mistake or an attack. */
    public static final int MAX_CHARS = 64 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(MAX_CHARS).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // "enabled": 12 or "enabled": "yes" is a mistake, not a boolean
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
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
        if (body.length() > MAX_CHARS) {
            throw new CommunityError(Status.REQUEST_ENTITY_TOO_LARGE, "invalid_request",
                    "The request body is larger than " + MAX_CHARS + " characters");
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
