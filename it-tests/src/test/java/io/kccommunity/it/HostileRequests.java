package io.kccommunity.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The broken parts {@link HostileInputIT} sends: bodies and Authorization headers, each broken in one way. */
final class HostileRequests {

    /** A body, its Content-Type, and the status it must get (0: any 4xx). */
    record Body(String contentType, byte[] bytes, int status) {
        static Body text(String contentType, String text, int status) {
            return new Body(contentType, text.getBytes(StandardCharsets.UTF_8), status);
        }
    }

    private static final String BOUNDARY = "hostile-boundary-7d1f";
    private static final String JSON = Api.JSON_TYPE;

    private HostileRequests() {
    }

    /** Broken versions of {@code valid}, the body an endpoint takes; it refuses more than {@code byteLimit} bytes. */
    static Map<String, Body> bodies(String valid, int byteLimit) throws Exception {
        Map<String, Body> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", Body.text(JSON, "{\"a\":", 400));
        bodies.put("a number", Body.text(JSON, "42", 400));
        bodies.put("a string", Body.text(JSON, "\"x\"", 400));
        bodies.put("null", Body.text(JSON, "null", 400));
        bodies.put("an array of numbers", Body.text(JSON, "[1,2]", 400));
        bodies.put("trailing data", Body.text(JSON, valid + "{}", 400));
        bodies.put("unknown field", Body.text(JSON, valid.replaceFirst("\\{", "{\"sneaky\":1,"), 400));
        bodies.put("nested 5,000 deep", Body.text(JSON, "[".repeat(5000) + "]".repeat(5000), 400));
        bodies.put("1.1 MB", Body.text(JSON, padded(valid, "x".repeat(1_100_000)), 0));
        // under the limit counted in characters, over it in bytes (each of these is 3 bytes of UTF-8)
        String multibyte = "\u6f22".repeat(byteLimit / 3 + 100);
        bodies.put("over the byte limit in multibyte characters", Body.text(JSON, padded(valid, multibyte), 413));
        bodies.put("ISO-8859-1 text", new Body("application/json; charset=ISO-8859-1",
                padded(valid, "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1), 400));
        bodies.put("no Content-Type", Body.text(null, valid, 415));
        bodies.put("text/plain", Body.text("text/plain", valid, 415));
        bodies.put("application/xml", Body.text("application/xml", "<a>" + valid + "</a>", 415));
        bodies.put("*/*", Body.text("*/*", valid, 415));
        bodies.put("form", Body.text("application/x-www-form-urlencoded", "name=x", 415));
        bodies.putAll(forms(valid));
        ObjectNode template = (ObjectNode) Api.JSON.readTree(valid);
        template.fieldNames().forEachRemaining(field -> {
            JsonNode value = template.get(field);
            bodies.put(field + " as a nested array", Body.text(JSON, with(template, field, "[[[\"x\"]]]"), 400));
            if (value.isTextual()) {
                bodies.put(field + " with a lone surrogate", Body.text(JSON, with(template, field, "\"a\\ud800b\""), 0));
                bodies.put(field + " with a NUL", Body.text(JSON, with(template, field, "\"a\\u0000b\""), 0));
                bodies.put(field + " 100,000 characters", Body.text(JSON, with(template, field, "\"" + "y".repeat(100_000) + "\""), 0));
                bodies.put(field + " as a number", Body.text(JSON, with(template, field, "12"), 400));
                bodies.put(field + " with a broken UTF-8 sequence", invalidUtf8(template, field, 0xC3, 0x28));
                bodies.put(field + " with a surrogate encoded in UTF-8", invalidUtf8(template, field, 0xED, 0xA0, 0x80));
                bodies.put(field + " with an overlong '/'", invalidUtf8(template, field, 0xC0, 0xAF));
            }
            if (value.isNumber()) {
                for (String number : List.of("1e30", "-99999999999", "99999999999999999999", "2.5", "\"5\"")) {
                    bodies.put(field + " = " + number, Body.text(JSON, with(template, field, number), 400));
                }
            }
            if (value.isBoolean()) {
                bodies.put(field + " as \"yes\"", Body.text(JSON, with(template, field, "\"yes\""), 400));
                bodies.put(field + " as 1", Body.text(JSON, with(template, field, "1"), 400));
            }
        });
        return bodies;
    }

    /** Multipart bodies, which Keycloak would parse before our code runs: a real one and one that breaks its parser. */
    static Map<String, Body> forms(String json) {
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"%s\"%s\r\nContent-Type: application/json\r\n\r\n"
                + json + "\r\n";
        String multipart = part.formatted("request", "") + part.formatted("file", "; filename=\"request.json\"") + "--" + BOUNDARY + "--\r\n";
        String type = "multipart/form-data; boundary=" + BOUNDARY;
        return Map.of("multipart/form-data", Body.text(type, multipart, 415),
                "multipart/form-data that is not multipart", Body.text(type, json, 415));
    }

    /** Authorization headers that must all be refused with 401, made with a token that is valid on its own. */
    static Map<String, List<String>> authorizations(String token) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Bearer with nothing", List.of("Bearer "));
        headers.put("Basic credentials", List.of("Basic dXNlcjpwdw=="));
        headers.put("two tokens in one header", List.of("Bearer a Bearer b"));
        headers.put("the valid token twice in one header", List.of("Bearer " + token + " Bearer " + token));
        headers.put("two Authorization headers", List.of("Bearer " + token, "Bearer " + token));
        headers.put("a token with a space", List.of("Bearer " + token.substring(0, 20) + " " + token.substring(20)));
        headers.put("a token in quotes", List.of("Bearer \"" + token + "\""));
        return headers;
    }

    private static String padded(String valid, String padding) {
        return valid.replaceFirst("\\{", "{\"padding\":\"" + padding + "\",");
    }

    private static String with(ObjectNode template, String field, String rawValue) {
        ObjectNode copy = template.deepCopy();
        copy.put(field, "@@VALUE@@");
        return Api.write(copy).replace("\"@@VALUE@@\"", rawValue);
    }

    /** The body with {@code field} holding a string whose middle is {@code bytes}, which are not UTF-8. */
    private static Body invalidUtf8(ObjectNode template, String field, int... bytes) {
        String[] around = with(template, field, "\"a@@BYTES@@b\"").split("@@BYTES@@");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
        for (int b : bytes) {
            body.write(b);
        }
        body.writeBytes(around[1].getBytes(StandardCharsets.UTF_8));
        return new Body(JSON, body.toByteArray(), 400);
    }
}
