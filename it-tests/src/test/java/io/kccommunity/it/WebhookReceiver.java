package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An app's webhook endpoint on loopback, as the test servers may reach it: records every request and
 * answers what the test tells it (a status, or {@link #HANG}: no answer until released or closed).
 * {@link #verifies} checks a signature as Standard Webhooks' receivers do, independently of the server's code.
 */
final class WebhookReceiver implements AutoCloseable {

    /** The answer that holds the request open (the sender waits). */
    static final int HANG = -1;

    record Delivery(String id, String timestamp, String signature, String contentType, String body, JsonNode json,
                    long receivedAt) {
        String type() {
            return json.path("type").asText();
        }

        JsonNode data() {
            return json.path("data");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Delivery> received = new ArrayList<>();
    private volatile CountDownLatch released = new CountDownLatch(1);
    private volatile ToIntFunction<Delivery> answer = d -> 204;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(KeycloakServer.WEBHOOK_HOST, 0), 50);
        server.setExecutor(threads);
        server.createContext("/hooks", this::handle);
        server.start();
    }

    static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    String url() {
        return "http://" + KeycloakServer.WEBHOOK_HOST + ":" + server.getAddress().getPort() + "/hooks";
    }

    /** How to answer from now on, given the delivery (already recorded). */
    void answer(ToIntFunction<Delivery> answer) {
        this.answer = answer;
    }

    /** Every request held now is answered 204; later ones are held again. */
    void release() {
        CountDownLatch held = released;
        released = new CountDownLatch(1);
        held.countDown();
    }

    synchronized List<Delivery> received() {
        return List.copyOf(received);
    }

    List<Delivery> ofType(String type) {
        return received().stream().filter(d -> d.type().equals(type)).toList();
    }

    /** Waits until what was received satisfies {@code until}; fails with what came after {@code timeout}. */
    List<Delivery> await(String what, Predicate<List<Delivery>> until, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Delivery> now = received();
            if (until.test(now)) {
                return now;
            }
            Thread.sleep(100);
        }
        fail("the receiver did not get " + what + " within " + timeout + "; it got: "
                + received().stream().map(d -> d.id() + " " + d.body()).toList());
        return List.of();
    }

    /** Waits for the first delivery matching {@code match}. */
    Delivery awaitOne(String what, Predicate<Delivery> match, Duration timeout) throws InterruptedException {
        return await(what, all -> all.stream().anyMatch(match), timeout).stream().filter(match).findFirst().orElseThrow();
    }

    /** Standard Webhooks' check: one of the space-separated {@code v1,} signatures is the HMAC-SHA256 of id.timestamp.body. */
    static boolean verifies(Delivery delivery, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String signed = delivery.id() + "." + delivery.timestamp() + "." + delivery.body();
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            return Arrays.asList(delivery.signature().split(" ")).contains(expected);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode json = Api.JSON.readTree(body.isEmpty() ? "{}" : body);
        Delivery delivery = new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"), exchange.getRequestHeaders().getFirst("webhook-signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, json, System.currentTimeMillis());
        synchronized (this) {
            received.add(delivery);
        }
        int status = answer.applyAsInt(delivery);
        if (status == HANG) {
            try {
                CountDownLatch held = released;
                held.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 204;
        }
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException senderGone) {
            // the sender was killed while waiting: nothing to answer
        }
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
