package io.kccommunity.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kccommunity.advocacy.AdvocacyRules;
import io.kccommunity.governance.BallotRequest;
import io.kccommunity.governance.ElectionRequest;
import io.kccommunity.reputation.EventRequest;
import io.kccommunity.reputation.ReputationRules;
import io.kccommunity.setup.CommunityConfigUpdate;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static final HttpHeaders JSON = headers("application/json");
    /** What a description must never contain: a Java type or package, or one of Jackson's settings. */
    private static final Pattern JAVA = Pattern.compile("java\\.|io\\.kccommunity|\\$|`|Feature|jackson", Pattern.CASE_INSENSITIVE);

    @Test
    void aValidBodyIsRead() {
        BallotRequest ballot = JsonBody.read(JSON, bytes("{\"ranking\": [\"a\", \"b\"], \"changeKey\": \"r\"}"), BallotRequest.class, null);
        assertEquals(List.of("a", "b"), ballot.ranking());
        assertEquals("r", ballot.changeKey());
    }

    @Test
    void anEmptyBodyGivesTheEmptyValueOrIsRequired() {
        BallotRequest empty = new BallotRequest(null, null, null, null);
        assertSame(empty, JsonBody.read(JSON, new byte[0], BallotRequest.class, empty));
        assertSame(empty, JsonBody.read(headers(null), bytes(" \r\n\t"), BallotRequest.class, empty));
        assertSame(empty, JsonBody.read(JSON, null, BallotRequest.class, empty));
        assertEquals("A JSON request body is required", refused(400, JSON, "", BallotRequest.class));
    }

    @Test
    void onlyJsonIsAccepted() {
        for (String type : new String[] {null, "text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "*/*", "application/*", "application/json-patch+json", "not a type"}) {
            assertEquals("Content-Type must be application/json", refused(415, headers(type), "{}", BallotRequest.class), type);
        }
        JsonBody.read(headers("Application/JSON; charset=utf-8"), bytes("{}"), BallotRequest.class, null);
    }

    @Test
    void theLimitCountsBytesNotCharacters() {
        // 30,000 CJK characters: under the limit in characters, 90,000 bytes in UTF-8
        String cjk = "{\"changeKey\": \"" + "\u6f22".repeat(30_000) + "\"}";
        assertTrue(cjk.length() < JsonBody.MAX_BYTES);
        assertEquals("The request body is larger than 65536 bytes", refused(413, JSON, cjk, BallotRequest.class));
        String justFits = "{\"changeKey\": \"" + "x".repeat(JsonBody.MAX_BYTES - 17) + "\"}";
        assertEquals(JsonBody.MAX_BYTES, bytes(justFits).length);
        JsonBody.read(JSON, bytes(justFits), BallotRequest.class, null);
        assertThrows(CommunityError.class, () -> JsonBody.read(JSON, bytes(justFits + " "), BallotRequest.class, null));
    }

    @Test
    void aBatchOf500FullEventsFitsTheBatchLimit() {
        String reason = "\\u6f22".repeat(500);
        String key = "\\u6f22".repeat(128);
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 500; i++) {
            batch.append(i == 0 ? "" : ",\n  ").append("{\"userId\": \"").append("u".repeat(36)).append("\", \"type\": \"")
                    .append("t".repeat(64)).append("\", \"points\": -100000, \"reason\": \"").append(reason)
                    .append("\", \"key\": \"").append(key).append("\"}");
        }
        byte[] body = bytes(batch.append("]").toString());
        assertTrue(body.length <= JsonBody.MAX_BATCH_BYTES, () -> body.length + " bytes");
        JsonBody.OneOrMany<EventRequest> read = JsonBody.readOneOrMany(JSON, body, EventRequest.class, "events", JsonBody.MAX_BATCH_BYTES);
        assertEquals(500, read.items().size());
        assertTrue(read.many());
        assertEquals(500, read.items().get(499).reason().length());
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[][] broken = {
                {(byte) 0xC3, 0x28},                          // a lead byte without its continuation
                {(byte) 0x80},                                // a continuation byte alone
                {(byte) 0xC0, (byte) 0xAF},                   // an overlong '/'
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},      // a surrogate encoded as UTF-8 (CESU-8)
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
                {(byte) 0xE9},                                // ISO-8859-1 'é'
                {(byte) 0xE6, (byte) 0xBC},                   // cut short
        };
        for (byte[] bad : broken) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(bytes("{\"changeKey\": \"ab"));
            body.writeBytes(bad);
            body.writeBytes(bytes("\"}"));
            CommunityError e = assertThrows(CommunityError.class,
                    () -> JsonBody.read(headers("application/json; charset=ISO-8859-1"), body.toByteArray(), BallotRequest.class, null));
            assertEquals("The request body is not valid UTF-8 (byte 17)", e.getErrorDescription());
        }
        assertEquals("\u6f22\uD83C\uDF5E", JsonBody.read(JSON, bytes("{\"changeKey\": \"\u6f22\uD83C\uDF5E\"}"),
                BallotRequest.class, null).changeKey());
    }

    @Test
    void aConfigUpdateReadsThePitchPerLanguage() {
        CommunityConfigUpdate update = JsonBody.read(JSON, bytes("{\"description\": {\"en\": \"We bake\"}, "
                + "\"benefits\": {\"pl\": [\"Przepisy\"]}, \"profileCompletionPostponable\": true}"), CommunityConfigUpdate.class, null);
        assertEquals("We bake", update.description().get("en"));
        assertEquals(List.of("Przepisy"), update.benefits().get("pl"));
        assertTrue(update.profileCompletionPostponable());
        assertTrue(refused(JSON, "{\"benefits\": {\"en\": \"x\"}}", CommunityConfigUpdate.class).startsWith("Field 'benefits"));
        assertTrue(refused(JSON, "{\"description\": {\"en\": 5}}", CommunityConfigUpdate.class).startsWith("Field 'description"));
    }

    @Test
    void mistypedFieldsAreNamedWithTheKindOfValueTheyTake() {
        assertEquals("Field 'ranking' must be an array of strings", refused(JSON, "{\"ranking\": \"a\"}", BallotRequest.class));
        assertEquals("Field 'ranking' must be an array of strings", refused(JSON, "{\"ranking\": {}}", BallotRequest.class));
        assertEquals("Item 'ranking[1]' must be a string", refused(JSON, "{\"ranking\": [\"a\", [[\"x\"]]]}", BallotRequest.class));
        assertEquals("Field 'changeKey' must be a string", refused(JSON, "{\"changeKey\": 12}", BallotRequest.class));
        assertEquals("Field 'enabled' must be true or false", refused(JSON, "{\"enabled\": \"yes\"}", CommunityConfigUpdate.class));
        assertEquals("Field 'enabled' must be true or false", refused(JSON, "{\"enabled\": 1}", CommunityConfigUpdate.class));
        String wholeNumber = "must be a whole number from -2147483648 to 2147483647";
        assertEquals("Field 'seats' " + wholeNumber, refused(JSON, "{\"seats\": \"5\"}", ElectionRequest.class));
        assertEquals("Field 'seats' " + wholeNumber, refused(JSON, "{\"seats\": 2.5}", ElectionRequest.class));
        assertEquals("Field 'seats' " + wholeNumber, refused(JSON, "{\"seats\": 99999999999}", ElectionRequest.class));
        assertEquals("Field 'seats' " + wholeNumber, refused(JSON, "{\"seats\": 1e30}", ElectionRequest.class));
        assertEquals("Field 'quorum' must be a whole number from -9223372036854775808 to 9223372036854775807",
                refused(JSON, "{\"quorum\": 99999999999999999999}", ElectionRequest.class));
        assertEquals("Field 'description' must be an object whose values are strings",
                refused(JSON, "{\"description\": [\"x\"]}", ElectionRequest.class));
        assertEquals("Field 'description.en' must be a string", refused(JSON, "{\"description\": {\"en\": 1}}", ElectionRequest.class));
        assertEquals("Field 'eligibility.voters.roles' must be an array of strings",
                refused(JSON, "{\"eligibility\": {\"voters\": {\"roles\": \"admin\"}}}", ElectionRequest.class));
        assertEquals("Field 'sources' must be an object whose values are arrays of strings",
                refused(JSON, "{\"sources\": 1}", ReputationRules.class));
        assertEquals("Field 'levels[0].threshold' " + wholeNumber,
                refused(JSON, "{\"levels\": [{\"name\": \"a\", \"threshold\": \"0\"}]}", ReputationRules.class));
        assertEquals("Field 'roles.guru.promotion.eventCount' must be an object",
                refused(JSON, "{\"roles\": {\"guru\": {\"promotion\": {\"eventCount\": 3}}}}", AdvocacyRules.class));
    }

    @Test
    void unknownFieldsAreNamedByTheirPath() {
        assertEquals("Unknown field 'sneaky'", refused(JSON, "{\"sneaky\": 1}", BallotRequest.class));
        assertEquals("Unknown field 'roles.guru.sneaky'", refused(JSON, "{\"roles\": {\"guru\": {\"sneaky\": 1}}}", AdvocacyRules.class));
        assertEquals("Unknown field 'x?y" + "z".repeat(37) + "...'",
                refused(JSON, "{\"x\\u0000y" + "z".repeat(100) + "\": 1}", BallotRequest.class));
        assertEquals("Unknown field '?'", refused(JSON, "{\"\\ud800\": 1}", BallotRequest.class));
    }

    @Test
    void batchItemsAreNamedByTheirIndex() {
        assertEquals("Field 'events[1].points' must be a whole number from -2147483648 to 2147483647",
                refusedBatch("[{\"key\": \"a\"}, {\"points\": \"5\"}]"));
        assertEquals("Unknown field 'events[0].sneaky'", refusedBatch("[{\"sneaky\": 1}]"));
        assertEquals("Item 'events[0]' must be an object", refusedBatch("[1, 2]"));
        assertEquals("Field 'reason' must be a string", refusedBatch("{\"reason\": []}"));
        assertEquals("The request body must be an object", refusedBatch("42"));
    }

    @Test
    void brokenJsonIsRefusedWithItsPlace() {
        assertEquals("The request body ends before its JSON value does (line 1, column 15)",
                refused(JSON, "{\"changeKey\": ", BallotRequest.class));
        assertEquals("The request body is not valid JSON (line 1, column 2)", refused(JSON, "{'changeKey': 1}", BallotRequest.class));
        assertEquals("The request body is not valid JSON (line 2, column 18)",
                refused(JSON, "{\n\"changeKey\": \"a\" // note\n}", BallotRequest.class));
        assertEquals("The request body is not valid JSON (line 1, column 14)", refused(JSON, "{\"seats\": NaN}", ElectionRequest.class));
        assertEquals("The request body is not valid JSON (line 1, column 19)", refused(JSON, "{\"changeKey\": \"a\"}x", BallotRequest.class));
        assertEquals("The request body holds more than one JSON value", refused(JSON, "{\"changeKey\": \"a\"}{}", BallotRequest.class));
        assertEquals("The request body must be an object", refused(JSON, "null", BallotRequest.class));
        assertEquals("The request body must be an object", refused(JSON, "\"x\"", BallotRequest.class));
        assertEquals("The request body must be an object", refused(JSON, "[1, 2]", BallotRequest.class));
        // typed reading stops at the first array where an object belongs, long before the depth limit
        assertEquals("The request body must be an object", refused(JSON, "[".repeat(5000) + "]".repeat(5000), BallotRequest.class));
        assertEquals("Item 'events[0]' must be an object", refusedBatch("[".repeat(5000) + "]".repeat(5000)));
        assertEquals("The request body is nested more than 32 levels deep or holds a number of more than 1000 digits",
                refused(JSON, "{\"seats\": " + "9".repeat(2000) + "}", ElectionRequest.class));
    }

    private static String refused(HttpHeaders headers, String body, Class<?> type) {
        return refused(400, headers, body, type);
    }

    private static String refused(int status, HttpHeaders headers, String body, Class<?> type) {
        CommunityError e = assertThrows(CommunityError.class, () -> JsonBody.read(headers, bytes(body), type, null), body);
        return checked(status, e);
    }

    private static String refusedBatch(String body) {
        CommunityError e = assertThrows(CommunityError.class,
                () -> JsonBody.readOneOrMany(JSON, bytes(body), EventRequest.class, "events", JsonBody.MAX_BATCH_BYTES), body);
        return checked(400, e);
    }

    private static String checked(int status, CommunityError e) {
        assertEquals(status, e.getResponse().getStatus(), e::getErrorDescription);
        assertEquals("invalid_request", e.getError());
        assertFalse(JAVA.matcher(e.getErrorDescription()).find(), e::getErrorDescription);
        return e.getErrorDescription();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static HttpHeaders headers(String contentType) {
        return (HttpHeaders) Proxy.newProxyInstance(JsonBodyTest.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getMediaType")) {
                        return contentType == null ? null : MediaType.valueOf(contentType);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
