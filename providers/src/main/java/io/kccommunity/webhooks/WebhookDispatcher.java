package io.kccommunity.webhooks;

import io.kccommunity.support.ThisNode;
import io.kccommunity.support.Workers;
import jakarta.persistence.LockModeType;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Sends the outbox's messages, on an executor of its own (never on a request's thread or Keycloak's
 * timer). Each node looks into the outbox every poll interval and whenever a change it committed wrote
 * messages; it takes up to {@value #BATCH} due messages at a time, each under a lease of its own, sends
 * them at once, and records each outcome with its lease: delivered, or due again after the retry
 * schedule's next wait, or failed when none is left (which disables the webhook). A node that dies while
 * sending leaves the lease to run out, and another node sends the message again with the same id: at
 * least once, and once per cluster while nodes live.
 */
public final class WebhookDispatcher {

    static final int BATCH = 20;
    static final int BODY_LIMIT = 1024;
    static final long KEEP_MILLIS = 14 * 86_400_000L;
    private static final long PRUNE_EVERY_MILLIS = 3_600_000L;
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final KeycloakSessionFactory factory;
    private final WebhookSettings settings;
    private final WebhookTargets targets;
    private final Executor executor;
    private final HttpClient http;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile long lastPrune;

    /** A message this node holds the lease of, with what sending it needs. */
    private record Claimed(String id, String leaseId, String webhookId, String url, List<String> secrets, String body,
                           String type) {
    }

    /** What came of one attempt: the receiver's status (null: none came), and what went wrong (null: delivered). */
    private record Outcome(Integer status, String error, long millis) {
        boolean delivered() {
            return error == null;
        }
    }

    public WebhookDispatcher(KeycloakSessionFactory factory, WebhookSettings settings, Executor executor) {
        this.factory = factory;
        this.settings = settings;
        this.targets = new WebhookTargets(settings);
        this.executor = executor;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.connectTimeoutMillis()))
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    public WebhookSettings settings() {
        return settings;
    }

    WebhookTargets targets() {
        return targets;
    }

    /** The timer's tick, or a nudge after a commit: starts a round unless one runs (which then goes round once more). */
    public void nudge() {
        again.set(true);
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::rounds);
        } catch (RejectedExecutionException shuttingDown) {
            running.set(false);
        }
    }

    public void stop() {
        stopping = true;
        Workers.awaitIdle(running);
    }

    private void rounds() {
        do {
            try {
                while (!stopping && again.getAndSet(false)) {
                    while (!stopping && round() == BATCH) {
                        // a full batch: more may be due
                    }
                }
                pruneIfDue();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Webhook delivery stopped; the next poll tries again");
            } finally {
                running.set(false);
            }
        } while (!stopping && again.get() && running.compareAndSet(false, true));
    }

    /** Sends one batch of due messages; returns how many there were. */
    private int round() {
        List<Claimed> batch = KeycloakModelUtils.runJobInTransactionWithResult(factory, this::claim);
        List<CompletableFuture<Outcome>> sends = batch.stream().map(this::send).toList();
        for (int i = 0; i < batch.size(); i++) {
            Claimed message = batch.get(i);
            Outcome outcome = sends.get(i).join();
            try {
                KeycloakModelUtils.runJobInTransaction(factory, s -> record(s, message, outcome));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not record the delivery of webhook message %s; it is sent again once its lease runs out",
                        message.id());
            }
        }
        return batch.size();
    }

    private List<Claimed> claim(KeycloakSession session) {
        WebhookStore store = new WebhookStore(session);
        long now = store.now();
        List<Claimed> claimed = new ArrayList<>();
        for (String id : store.due(now, BATCH)) {
            String leaseId = KeycloakModelUtils.generateId();
            if (!store.lease(id, leaseId, now, now + settings.leaseMillis(), ThisNode.NAME)) {
                continue; // another node took it first
            }
            MessageEntity message = store.message(id);
            WebhookEntity webhook = session.getProvider(JpaConnectionProvider.class).getEntityManager()
                    .find(WebhookEntity.class, message.getWebhookId());
            List<String> secrets = new ArrayList<>(List.of(webhook.getSecret()));
            if (webhook.getPreviousSecret() != null && webhook.getPreviousSecretUntil() != null
                    && webhook.getPreviousSecretUntil() > now) {
                secrets.add(webhook.getPreviousSecret());
            }
            claimed.add(new Claimed(id, leaseId, webhook.getId(), webhook.getUrl(), secrets, message.getBody(), message.getType()));
        }
        return claimed;
    }

    private CompletableFuture<Outcome> send(Claimed message) {
        long started = System.nanoTime();
        String refused = targets.problemNow(message.url());
        if (refused != null) {
            return CompletableFuture.completedFuture(new Outcome(null, "url " + refused, 0));
        }
        long timestamp = System.currentTimeMillis() / 1000;
        String signature = String.join(" ", message.secrets().stream()
                .map(secret -> Signatures.sign(secret, message.id(), timestamp, message.body())).toList());
        HttpRequest request = HttpRequest.newBuilder(URI.create(message.url()))
                .timeout(Duration.ofMillis(settings.timeoutMillis()))
                .header("Content-Type", "application/json")
                .header("User-Agent", "keycloak-community-webhooks")
                .header("webhook-id", message.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(message.body()))
                .build();
        try {
            return http.sendAsync(request, info -> new LimitedBody(BODY_LIMIT))
                    .orTimeout(settings.timeoutMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, failure) -> {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        if (failure != null) {
                            return new Outcome(null, describe(failure), millis);
                        }
                        int status = response.statusCode();
                        return status >= 200 && status < 300 ? new Outcome(status, null, millis)
                                : new Outcome(status, "HTTP " + status + answer(response.body()), millis);
                    });
        } catch (IllegalArgumentException | RejectedExecutionException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "could not send: " + e.getMessage(), 0));
        }
    }

    private void record(KeycloakSession session, Claimed claimed, Outcome outcome) {
        var em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        WebhookStore store = new WebhookStore(session);
        MessageEntity message = em.find(MessageEntity.class, claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        WebhookEntity webhook = message == null ? null : em.find(WebhookEntity.class, message.getWebhookId());
        if (webhook == null) {
            return; // deleted while it was being sent
        }
        long now = store.now();
        boolean ours = claimed.leaseId().equals(message.getLeaseId());
        int attempt = message.getAttempts() + 1;
        String result;
        if (outcome.delivered()) {
            result = "delivered";
        } else {
            result = attempt >= settings.maxAttempts() ? "failed" : "retrying";
        }
        store.persist(logLine(claimed, attempt, now, outcome, result));
        if (!ours) {
            return; // this node's lease ran out and another node has the message now: its attempt decides
        }
        message.setAttempts(attempt);
        message.setLeaseId(null);
        message.setLeaseUntil(null);
        if (outcome.delivered()) {
            message.setState(MessageEntity.DELIVERED);
            webhook.setFailingSince(null);
            return;
        }
        if (webhook.getFailingSince() == null) {
            webhook.setFailingSince(now);
        }
        if (result.equals("failed")) {
            message.setState(MessageEntity.FAILED);
            webhook.setEnabled(false);
            webhook.setDisabledReason("Disabled: message " + claimed.id() + " failed all " + attempt
                    + " attempts; enable the webhook again to send what is pending");
            store.persist(logLine(claimed, attempt, now, new Outcome(null, webhook.getDisabledReason(), 0), "disabled"));
            LOG.warnf("Webhook %s of realm %s disabled: message %s failed all %d attempts", webhook.getId(),
                    webhook.getRealmId(), claimed.id(), attempt);
        } else {
            message.setNextAttemptAt(now + settings.retryDelayMillis(attempt));
        }
    }

    private static AttemptEntity logLine(Claimed claimed, int attempt, long now, Outcome outcome, String result) {
        AttemptEntity line = new AttemptEntity();
        line.setId(KeycloakModelUtils.generateId());
        line.setWebhookId(claimed.webhookId());
        line.setMessageId(claimed.id());
        line.setType(claimed.type());
        line.setAttempt(attempt);
        line.setAttemptedAt(now);
        line.setStatus(outcome.status());
        line.setOutcome(result);
        line.setError(outcome.error() == null ? null : shorten(outcome.error()));
        line.setDurationMillis(outcome.status() == null && outcome.millis() == 0 ? null : outcome.millis());
        line.setNode(ThisNode.NAME);
        return line;
    }

    private void pruneIfDue() {
        long now = System.currentTimeMillis();
        if (stopping || now - lastPrune < PRUNE_EVERY_MILLIS) {
            return;
        }
        lastPrune = now;
        try {
            KeycloakModelUtils.runJobInTransaction(factory, s -> {
                WebhookStore store = new WebhookStore(s);
                store.prune(store.now() - KEEP_MILLIS);
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not prune the webhook log; the next hour tries again");
        }
    }

    private String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "no answer within " + settings.timeoutMillis() / 1000 + " s";
        }
        if (cause instanceof ConnectException) {
            return "could not connect";
        }
        String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return (cause instanceof javax.net.ssl.SSLException ? "TLS failed" : "connection failed") + detail;
    }

    /** The first words of a receiver's answer, for the log, as plain text. */
    private static String answer(String body) {
        String text = body == null ? "" : body.replaceAll("[\\p{Cntrl}]", " ").strip();
        return text.isEmpty() ? "" : ": " + text;
    }

    private static String shorten(String text) {
        return text.length() <= 255 ? text : text.substring(0, 252) + "...";
    }
}
