package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks against the real server: a receiver on loopback (the test servers allow that host) gets
 * what members and admins do, signed as Standard Webhooks says; a rolled-back change sends nothing; a
 * failed attempt is sent again with the same id; a webhook that keeps failing is disabled.
 */
@ExtendWith(RealKeycloak.class)
class WebhooksIT {

    private static final Duration SOON = Duration.ofSeconds(20);

    private final Api api = Api.forServer();
    private WebhookReceiver receiver;
    private TestRealm realm;
    private String admin;

    @BeforeEach
    void realmAndReceiver() throws Exception {
        receiver = WebhookReceiver.start();
        realm = TestRealm.create(api, "webhooks");
        realm.enableCommunity(Map.of());
        admin = api.adminToken();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    private JsonNode subscribe(List<String> events) {
        return Expect.ok(api.post(realm.adminPath("/webhooks"), admin, Map.of("url", receiver.url(), "events", events,
                "description", "the test's app")), 201);
    }

    @Test
    void anAdminManagesWebhooksAndTheSecretIsShownOnlyAtCreationAndRotation() throws Exception {
        JsonNode created = subscribe(List.of("membership.joined"));
        String id = created.get("id").asText();
        String secret = created.get("secret").asText();
        assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
        assertEquals(List.of("membership.joined"), strings(created.get("events")));
        assertTrue(created.get("enabled").asBoolean());

        JsonNode read = Expect.ok(api.get(realm.adminPath("/webhooks/" + id), admin), 200);
        assertFalse(read.has("secret"), read::toString);
        assertEquals(receiver.url(), read.get("url").asText());
        JsonNode listed = Expect.ok(api.get(realm.adminPath("/webhooks"), admin), 200);
        assertEquals(1, listed.size());
        assertFalse(listed.get(0).has("secret"), listed::toString);

        JsonNode updated = Expect.ok(api.put(realm.adminPath("/webhooks/" + id), admin, Map.of("url", receiver.url(),
                "events", List.of("*"), "enabled", false)), 200);
        assertEquals(List.of("*"), strings(updated.get("events")));
        assertFalse(updated.get("enabled").asBoolean());
        assertFalse(updated.has("description"), "a PUT replaces the whole webhook: " + updated);

        JsonNode rotated = Expect.ok(api.post(realm.adminPath("/webhooks/" + id + "/rotate-secret"), admin, null), 200);
        String next = rotated.get("secret").asText();
        assertNotEquals(secret, next);
        assertTrue(Instant.parse(rotated.get("previousSecretValidUntil").asText()).isAfter(Instant.now().plusSeconds(23 * 3600)));

        Expect.ok(api.delete(realm.adminPath("/webhooks/" + id), admin), 204);
        Expect.error(api.get(realm.adminPath("/webhooks/" + id), admin), 404, "webhook_not_found");

        List<JsonNode> events = realm.adminEvents("COMMUNITY_WEBHOOK");
        assertEquals(Set.of("CREATE", "UPDATE", "ACTION", "DELETE"), events.stream().map(e -> e.get("operationType").asText())
                .collect(Collectors.toSet()));
        for (JsonNode event : events) {
            assertFalse(event.toString().contains(secret.substring(6)) || event.toString().contains(next.substring(6)),
                    "an admin event carries no secret: " + event);
        }
    }

    @Test
    void aViewOnlyAdminReadsButChangesNothing() {
        String id = subscribe(List.of("*")).get("id").asText();
        String viewer = realm.createUser("viewer");
        realm.grantRealmManagementRole(viewer, "view-realm");
        String token = realm.token("viewer");
        Expect.ok(api.get(realm.adminPath("/webhooks"), token), 200);
        Expect.ok(api.get(realm.adminPath("/webhooks/" + id + "/deliveries"), token), 200);
        Expect.error(api.post(realm.adminPath("/webhooks"), token, Map.of("url", receiver.url(), "events", List.of("*"))), 403);
        Expect.error(api.post(realm.adminPath("/webhooks/" + id + "/rotate-secret"), token, null), 403);
        Expect.error(api.delete(realm.adminPath("/webhooks/" + id), token), 403);
        assertEquals(1, Expect.ok(api.get(realm.adminPath("/webhooks"), admin), 200).size());
    }

    @Test
    void urlsIntoTheServersNetworkAndUnknownEventsAreRefused() {
        for (String url : List.of("http://example.com/hooks", "https://169.254.169.254/latest/meta-data", "https://10.0.0.1/",
                "https://localhost/hooks", "https://[::1]/hooks", "file:///etc/passwd")) {
            JsonNode error = Expect.error(api.post(realm.adminPath("/webhooks"), admin, Map.of("url", url, "events", List.of("*"))),
                    400, "invalid_url");
            assertTrue(error.get("error_description").asText().startsWith("url "), error::toString);
        }
        JsonNode error = Expect.error(api.post(realm.adminPath("/webhooks"), admin, Map.of("url", receiver.url(),
                "events", List.of("membership.exploded"))), 400, "invalid_events");
        assertTrue(error.get("error_description").asText().contains("membership.joined"), "names the known types: " + error);
        assertEquals(0, Expect.ok(api.get(realm.adminPath("/webhooks"), admin), 200).size());
    }

    @Test
    void joiningARoleGrantAndACertificationReachTheAppSigned() throws Exception {
        String secret = subscribe(List.of("*")).get("secret").asText();
        String alice = realm.createUser("alice");
        String token = realm.token("alice");
        Expect.ok(api.post(realm.path("/membership"), token, null), 201);
        Expect.ok(api.updateAccount(realm.name, token, Map.of("handle", List.of("alice.w"))), 204);
        String expiry = Instant.now().plus(Duration.ofDays(30)).toString();
        Expect.ok(api.put(realm.adminPath("/advocacy/members/" + alice + "/roles/guru"), admin,
                Map.of("reason", "answers every question", "expiresAt", expiry)), 200);
        String election = certifiedElectionWonByAlice();

        receiver.await("join, handle, grant, certification", all -> all.stream().map(WebhookReceiver.Delivery::type)
                .collect(Collectors.toSet()).containsAll(Set.of("membership.joined", "profile.handle_changed", "role.granted",
                        "election.certified")), SOON);
        WebhookReceiver.Delivery joined = receiver.ofType("membership.joined").get(0);
        assertEquals(alice, joined.data().get("userId").asText());
        assertEquals("active", joined.data().get("status").asText());
        assertEquals(realm.name, joined.data().get("realm").asText());
        WebhookReceiver.Delivery handle = receiver.ofType("profile.handle_changed").get(0);
        assertEquals("alice.w", handle.data().get("handle").asText());
        WebhookReceiver.Delivery granted = receiver.ofType("role.granted").stream()
                .filter(d -> d.data().get("role").asText().equals("guru")).findFirst().orElseThrow();
        assertEquals("manual", granted.data().get("source").asText());
        assertEquals(Instant.parse(expiry).toEpochMilli() / 1000, Instant.parse(granted.data().get("expiresAt").asText())
                .toEpochMilli() / 1000);
        WebhookReceiver.Delivery certified = receiver.ofType("election.certified").get(0);
        assertEquals(election, certified.data().get("electionId").asText());
        assertEquals(alice, certified.data().at("/winners/0/userId").asText());
        assertEquals("alice.w", certified.data().at("/winners/0/handle").asText());
        assertTrue(receiver.ofType("election.phase_changed").stream().anyMatch(d -> d.data().get("phase").asText().equals("certified")));

        String email = api.get("/admin/realms/" + realm.name + "/users/" + alice, admin).json().path("email").asText();
        OpenApiSchemas document = OpenApiSchemas.shipped();
        for (WebhookReceiver.Delivery delivery : receiver.received()) {
            document.assertWebhook(delivery.type(), delivery.json());
            assertTrue(WebhookReceiver.verifies(delivery, secret), () -> "signature of " + delivery.body());
            assertTrue(delivery.id().matches("msg_[0-9a-f]{32}"), delivery.id());
            assertTrue(Math.abs(Long.parseLong(delivery.timestamp()) - Instant.now().getEpochSecond()) < 300, delivery.timestamp());
            assertEquals("application/json", delivery.contentType());
            assertFalse(!email.isEmpty() && delivery.body().contains(email), () -> "no email in " + delivery.body());
            assertTrue(Instant.parse(delivery.json().get("timestamp").asText()).isBefore(Instant.now().plusSeconds(60)));
        }
        assertEquals(receiver.received().size(), receiver.received().stream().map(WebhookReceiver.Delivery::id).distinct().count(),
                "each message once while the receiver answers 2xx");
    }

    @Test
    void aChangeThatRollsBackSendsNothing() throws Exception {
        subscribe(List.of("election.certified", "election.phase_changed"));
        String token = memberWithHandle("bea", "bea.w");
        String election = closedElection(token, "board-member");
        // an admin made the winners' realm role composite: certifying fails after the count, and rolls back
        Expect.ok(api.post("/admin/realms/" + realm.name + "/roles", admin, Map.of("name", "extra")), 201);
        JsonNode extra = api.get("/admin/realms/" + realm.name + "/roles/extra", admin).json();
        Expect.ok(api.post("/admin/realms/" + realm.name + "/roles/community-board-member/composites", admin, List.of(extra)), 204);
        Expect.error(api.post(realm.adminPath("/elections/" + election + "/certify"), admin, null), 409, "unsafe_role");
        assertEquals("closed", api.get(realm.adminPath("/elections/" + election), admin).json().get("phase").asText());

        String hook = Expect.ok(api.get(realm.adminPath("/webhooks"), admin), 200).get(0).get("id").asText();
        Expect.ok(api.post(realm.adminPath("/webhooks/" + hook + "/ping"), admin, null), 202);
        receiver.awaitOne("the ping sent after the failed certification", d -> d.type().equals("webhook.ping"), SOON);
        assertEquals(List.of(), receiver.ofType("election.certified"), "a rolled-back certification sent nothing");
        assertTrue(receiver.ofType("election.phase_changed").stream().noneMatch(d -> d.data().get("phase").asText().equals("certified")),
                receiver.received()::toString);
        assertTrue(receiver.ofType("election.phase_changed").stream().anyMatch(d -> d.data().get("phase").asText().equals("closed")),
                "the committed close was sent: " + receiver.received());
    }

    @Test
    void anAttemptAnswered500IsSentAgainWithTheSameId() throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        receiver.answer(d -> failedOnce.add(d.id()) ? 500 : 204);
        JsonNode hook = subscribe(List.of("membership.joined"));
        String id = hook.get("id").asText();
        Expect.ok(api.post(realm.adminPath("/webhooks/" + id + "/ping"), admin, null), 202);
        List<WebhookReceiver.Delivery> both = receiver.await("the ping twice", all -> all.size() >= 2, SOON);
        assertEquals(both.get(0).id(), both.get(1).id(), "the same webhook-id on the retry");
        assertEquals(both.get(0).body(), both.get(1).body(), "the same body on the retry");
        assertTrue(both.get(1).receivedAt() - both.get(0).receivedAt() >= 900, "the retry waited the schedule's first second");
        assertTrue(WebhookReceiver.verifies(both.get(1), hook.get("secret").asText()));
        JsonNode log = awaitLog(id, 2);
        assertEquals("delivered", log.get(0).get("outcome").asText(), log::toString);
        assertEquals(204, log.get(0).get("status").asInt());
        assertEquals(2, log.get(0).get("attempt").asInt());
        assertEquals("retrying", log.get(1).get("outcome").asText());
        assertEquals(500, log.get(1).get("status").asInt());
        assertTrue(log.get(1).get("error").asText().startsWith("HTTP 500"), log::toString);
        // the next message shows the dispatcher went round again: a delivered one was not sent a third time
        Expect.ok(api.post(realm.adminPath("/webhooks/" + id + "/ping"), admin, null), 202);
        List<WebhookReceiver.Delivery> all = receiver.await("the next ping", r -> r.size() >= 4, SOON);
        assertEquals(2, all.stream().filter(d -> d.id().equals(both.get(0).id())).count(), "nothing more once delivered: " + all);
    }

    @Test
    void aWebhookThatKeepsFailingIsDisabledWithANoticeInItsLog() throws Exception {
        receiver.answer(d -> 503);
        String id = subscribe(List.of("membership.joined")).get("id").asText();
        Expect.ok(api.post(realm.adminPath("/webhooks/" + id + "/ping"), admin, null), 202);
        receiver.await("every attempt of the schedule", all -> all.size() >= 4, SOON);
        JsonNode log = awaitLog(id, 5);
        assertEquals("disabled", log.get(0).get("outcome").asText(), log::toString);
        assertEquals("failed", log.get(1).get("outcome").asText(), log::toString);
        assertEquals(4, log.get(1).get("attempt").asInt());
        JsonNode webhook = api.get(realm.adminPath("/webhooks/" + id), admin).json();
        assertFalse(webhook.get("enabled").asBoolean(), webhook::toString);
        assertTrue(webhook.get("disabledReason").asText().contains("4 attempts"), webhook::toString);
        Expect.error(api.post(realm.adminPath("/webhooks/" + id + "/ping"), admin, null), 409, "webhook_disabled");

        receiver.answer(d -> 204);
        JsonNode enabled = Expect.ok(api.put(realm.adminPath("/webhooks/" + id), admin, Map.of("url", receiver.url(),
                "events", List.of("membership.joined"), "enabled", true)), 200);
        assertFalse(enabled.has("disabledReason"), enabled::toString);
        String failed = receiver.received().get(0).id();
        Expect.ok(api.post(realm.adminPath("/webhooks/" + id + "/ping"), admin, null), 202);
        List<WebhookReceiver.Delivery> all = receiver.await("the ping after enabling again",
                r -> r.stream().anyMatch(d -> !d.id().equals(failed)), SOON);
        assertEquals(4, all.stream().filter(d -> d.id().equals(failed)).count(),
                "no attempt after the last of the schedule, also once enabled again: " + all);
    }

    private JsonNode awaitLog(String webhook, int lines) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SOON.toMillis();
        JsonNode log = null;
        while (System.currentTimeMillis() < deadline) {
            log = Expect.ok(api.get(realm.adminPath("/webhooks/" + webhook + "/deliveries"), admin), 200);
            if (log.size() >= lines) {
                return log;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the delivery log did not reach " + lines + " lines: " + log);
    }

    private String memberWithHandle(String username, String handle) {
        realm.createUser(username);
        String token = realm.token(username);
        Expect.ok(api.post(realm.path("/membership"), token, null), 201);
        Expect.ok(api.updateAccount(realm.name, token, Map.of("handle", List.of(handle))), 204);
        return realm.token(username);
    }

    /** An election the member with {@code token} stood in alone and voted in, closed, with winners receiving {@code role}. */
    private String closedElection(String token, String role) {
        String id = Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "Board <b>2027</b>",
                "method", "irv", "seats", 1, "winnerRole", role, "termDays", 30)), 201).get("id").asText();
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-nominations"), admin, null), 200);
        String handle = Api.claims(token).at("/community/handle").asText();
        Expect.ok(api.post(realm.path("/elections/" + id + "/candidates"), token, Map.of("handle", handle)), 201);
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-voting"), admin, null), 200);
        String candidate = api.get(realm.path("/elections/" + id), token).json().at("/candidates/0/id").asText();
        Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), token, Map.of("ranking", List.of(candidate))), 201);
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/close"), admin, null), 200);
        return id;
    }

    private String certifiedElectionWonByAlice() {
        String id = closedElection(realm.token("alice"), "board-member");
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/certify"), admin, null), 200);
        return id;
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
