package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 20 threads post 2,000 events (singly and in batches) for 8 members, one in ten a resend of a key
 * already sent (possibly still in flight on another thread): every total must equal the sum of the
 * distinct events, and the ledger must hold each distinct event exactly once.
 */
@ExtendWith(RealKeycloak.class)
class ReputationConcurrencyIT {

    static final int THREADS = 20;
    static final int EVENTS = 2_000;
    static final int MEMBERS = 8;
    static final String[] TYPES = {"answer-accepted", "post-upvoted", "post-downvoted", "helpful-flag"};
    static final int[] POINTS = {15, 10, -2, 2};

    private final Api api = Api.forServer();

    @Test
    void concurrentEventsWithDuplicateKeysAddUpExactly() throws Exception {
        TestRealm realm = TestRealm.create(api, "concurrent-rep");
        realm.enableCommunity(Map.of());
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        // no cap and a floor out of reach, so the expected totals are plain sums
        Expect.ok(api.put(realm.adminPath("/reputation/rules"), api.adminToken(), Map.of("dailyCap", 0, "floor", -1_000_000,
                "builtIn", Map.of("join", 0, "daily-login", 0, "profile-complete", 0))), 200);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(realm.createUser("member-" + i));
            Expect.ok(api.post(realm.path("/membership"), realm.token("member-" + i), null), 201);
        }
        String app = realm.serviceToken();

        // the distinct events, then the sends: each thread's share in batches of 1-5, 10% resends
        Random random = new Random(42);
        List<Map<String, Object>> distinct = new ArrayList<>();
        int[] expected = new int[MEMBERS];
        int resends = EVENTS / 10;
        for (int i = 0; i < EVENTS - resends; i++) {
            int m = random.nextInt(MEMBERS);
            int t = random.nextInt(TYPES.length);
            distinct.add(ReputationIT.event(members.get(m), TYPES[t], "e-" + i));
            expected[m] += POINTS[t];
        }
        List<Map<String, Object>> sends = new ArrayList<>(distinct);
        for (int i = 0; i < resends; i++) {
            sends.add(distinct.get(random.nextInt(distinct.size())));
        }
        Collections.shuffle(sends, random);
        List<List<Map<String, Object>>> requests = new ArrayList<>();
        for (int i = 0; i < sends.size(); ) {
            int size = 1 + random.nextInt(5);
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int j = i; j < Math.min(sends.size(), i + size); j++) {
                Map<String, Object> send = sends.get(j);
                if (batch.stream().noneMatch(e -> e.get("key").equals(send.get("key")))) {
                    batch.add(send);
                } else {
                    requests.add(List.of(send));
                }
            }
            requests.add(batch);
            i += size;
        }

        AtomicInteger retries = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (List<Map<String, Object>> request : requests) {
            done.add(pool.submit(() -> {
                Object body = request.size() == 1 ? request.get(0) : request;
                // an app sends again when asked to (409 concurrent_change), as the API documents
                Api.Reply reply = Api.resendingConflicts(() -> {
                    Api.Reply attempt = api.post(realm.path("/reputation/events"), app, body);
                    if (attempt.status() == 409) {
                        retries.incrementAndGet();
                    }
                    return attempt;
                });
                statuses.merge(reply.status(), 1, Integer::sum);
                assertTrue(reply.status() == 200 || reply.status() == 201, reply::toString);
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("reputation concurrency: %d requests, statuses %s, %d retried after 409%n",
                requests.size(), statuses, retries.get());

        int events = 0;
        for (int m = 0; m < MEMBERS; m++) {
            JsonNode summary = Expect.ok(api.get(realm.adminPath("/reputation/members/" + members.get(m)), api.adminToken()), 200);
            assertEquals(expected[m], summary.get("total").asInt(), "total of member " + m);
            int count = 0;
            for (int first = 0; ; first += 100) {
                JsonNode page = Expect.ok(api.get(realm.adminPath("/reputation/members/" + members.get(m)
                        + "/events?max=100&first=" + first), api.adminToken()), 200);
                count += page.size();
                if (page.size() < 100) {
                    break;
                }
            }
            events += count;
            assertEquals(expected[m], Api.claims(realm.token("member-" + m)).at("/community/reputation").asInt());
        }
        assertEquals(distinct.size(), events, "every distinct event recorded exactly once");
    }
}
