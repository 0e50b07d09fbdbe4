package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link ClusterIT}'s webhook checks: both nodes look into one outbox; a message is sent once, or again after a node died. */
final class ClusterWebhooks {

    private final Api a;
    private final Api b;
    private final TestRealm realmA;
    private final TestRealm realmB;
    private final String admin;

    ClusterWebhooks(Api a, Api b) {
        this.a = a;
        this.b = b;
        realmA = TestRealm.create(a, "cluster-hooks");
        realmA.enableCommunity(Map.of());
        realmB = realmA.on(b);
        admin = a.adminToken();
    }

    private String subscribe(WebhookReceiver receiver) {
        return Expect.ok(a.post(realmA.adminPath("/webhooks"), admin, Map.of("url", receiver.url(),
                "events", List.of("membership.joined"))), 201).get("secret").asText();
    }

    /** Members join on both nodes in turn: each joining reaches the app exactly once. */
    void eachMessageOnceWhileBothNodesRun(int joins) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String secret = subscribe(receiver);
            List<String> users = new ArrayList<>();
            for (int i = 0; i < joins; i++) {
                String user = realmA.createUser("both-" + i);
                users.add(user);
                TestRealm on = i % 2 == 0 ? realmA : realmB;
                Expect.ok(on.api.post(on.path("/membership"), on.token("both-" + i), null), 201);
            }
            receiver.await(joins + " joinings", all -> all.size() >= joins, Duration.ofSeconds(30));
            // once every message is recorded as delivered, no node can take it again: what came is all that comes
            awaitAllDelivered(a.get(realmA.adminPath("/webhooks"), admin).json().get(0).get("id").asText(), Duration.ofSeconds(30));
            List<WebhookReceiver.Delivery> received = receiver.received();
            assertEquals(joins, received.size(), () -> "each joining once: " + received.stream().map(WebhookReceiver.Delivery::body).toList());
            assertEquals(Set.copyOf(users), received.stream().map(d -> d.data().get("userId").asText()).collect(Collectors.toSet()));
            assertEquals(joins, received.stream().map(WebhookReceiver.Delivery::id).distinct().count());
            received.forEach(d -> assertTrue(WebhookReceiver.verifies(d, secret), d::body));
            System.out.printf("ClusterIT webhooks: %d messages, each delivered once; messages sent per node: %s%n", joins,
                    leaseNodes(received.stream().map(WebhookReceiver.Delivery::id).toList()).stream()
                            .collect(Collectors.groupingBy(n -> n, java.util.TreeMap::new, Collectors.counting())));
        }
    }

    /**
     * The node sending a message dies (SIGKILL) before the app answers: once its lease has run out the
     * other node sends the same message, with the same webhook-id. Joinings happen on node B, whose
     * commit nudges its own dispatcher, so node B is nearly always the one holding the first attempt;
     * when node A is, it is let through and the next joining tried.
     */
    void aMessageWhoseNodeDiesIsSentByTheOther(KeycloakServer nodeB) throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            receiver.answer(d -> seen.add(d.id()) ? WebhookReceiver.HANG : 204);
            String secret = subscribe(receiver);
            List<String> nodeBPids = nodeB.pids().stream().map(String::valueOf).toList();
            WebhookReceiver.Delivery first = null;
            for (int i = 0; i < 6 && first == null; i++) {
                String user = realmA.createUser("relay-" + i);
                Expect.ok(b.post(realmB.path("/membership"), realmB.token("relay-" + i), null), 201);
                WebhookReceiver.Delivery held = receiver.awaitOne("the joining of relay-" + i,
                        d -> d.data().path("userId").asText().equals(user), Duration.ofSeconds(20));
                String holder = leaseNodes(List.of(held.id())).get(0);
                if (nodeBPids.contains(holder.substring(0, holder.indexOf('@')))) {
                    first = held;
                    nodeB.kill();
                } else {
                    receiver.release();
                }
            }
            assertTrue(first != null, "node B held one of six first attempts");
            String id = first.id();
            List<WebhookReceiver.Delivery> both = receiver.await("the message again from node A",
                    all -> all.stream().filter(d -> d.id().equals(id)).count() >= 2,
                    Duration.ofSeconds(KeycloakServer.WEBHOOK_LEASE_SECONDS + 20)).stream().filter(d -> d.id().equals(id)).toList();
            assertEquals(first.body(), both.get(1).body(), "the same message");
            assertTrue(WebhookReceiver.verifies(both.get(1), secret));
            long gap = both.get(1).receivedAt() - first.receivedAt();
            assertTrue(gap >= 5000, "sent again only once the dead node's lease ran out: " + gap + " ms");
            System.out.printf("ClusterIT webhooks: node B killed while sending %s; node A sent it again %d ms after the first attempt%n",
                    id, gap);
            String webhook = a.get(realmA.adminPath("/webhooks"), admin).json().get(0).get("id").asText();
            JsonNode log = a.get(realmA.adminPath("/webhooks/" + webhook + "/deliveries?max=100"), admin).json();
            long delivered = 0;
            for (JsonNode line : log) {
                delivered += line.get("messageId").asText().equals(id) && line.get("outcome").asText().equals("delivered") ? 1 : 0;
            }
            assertEquals(1, delivered, log::toString);
            String second = leaseNodes(List.of(id)).get(0);
            assertTrue(!nodeBPids.contains(second.substring(0, second.indexOf('@'))), "node A sent it the second time: " + second);
        }
    }

    /** Waits until no message of the webhook is pending (each delivered, or failed, with its outcome recorded). */
    private static void awaitAllDelivered(String webhookId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection db = RealKeycloak.server().connect(KeycloakServer.PG_DATABASE);
             PreparedStatement pending = db.prepareStatement("SELECT COUNT(*) FROM COMMUNITY_WEBHOOK_MESSAGE"
                     + " WHERE WEBHOOK_ID = ? AND STATE = 'pending'")) {
            pending.setString(1, webhookId);
            while (true) {
                try (ResultSet row = pending.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("messages still pending after " + timeout);
                }
                Thread.sleep(100);
            }
        }
    }

    /** The nodes ({@code pid@host}) that hold or last held the leases of these messages, in order. */
    private static List<String> leaseNodes(List<String> messageIds) throws Exception {
        List<String> nodes = new ArrayList<>();
        try (Connection db = RealKeycloak.server().connect(KeycloakServer.PG_DATABASE);
             PreparedStatement query = db.prepareStatement("SELECT LEASE_NODE FROM COMMUNITY_WEBHOOK_MESSAGE WHERE ID = ?")) {
            for (String id : messageIds) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    nodes.add(row.next() ? row.getString(1) : null);
                }
            }
        }
        return nodes;
    }
}
