package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The timed sweep on two nodes of one database (the shared server is node A; this class starts node B),
 * with real work: thousands of members whose grants expired at the same moment. A run longer than the
 * interval is not overlapped by the next one, and a run whose node is killed (SIGKILL) midway is resumed
 * by the other node from its last committed chunk once the lease has run out: every grant is revoked,
 * each once. Runs where the database is shared (-Dit.db=postgres or mariadb); on H2 it reports itself skipped.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepIT {

    static final int MEMBERS = 5_000;
    static final long INTERVAL = KeycloakServer.SWEEP_INTERVAL_SECONDS * 1000L;
    static final long LEASE = KeycloakServer.SWEEP_LEASE_SECONDS * 1000L;

    private KeycloakServer nodeA;
    private KeycloakServer nodeB;
    private List<Long> pidsOfB;
    private Api api;
    private final List<ExpiredGrants> realms = new ArrayList<>();

    @BeforeAll
    void startSecondNode() throws Exception {
        nodeA = RealKeycloak.server();
        if (nodeA.database() == Database.H2) {
            System.out.println("SweepIT skipped: a second node needs a shared database (-Dit.db=postgres or -Dit.db=mariadb)");
        }
        Assumptions.assumeTrue(nodeA.database() != Database.H2,
                "a second node needs a shared database: run with -Dit.db=postgres or -Dit.db=mariadb");
        nodeB = nodeA.anotherNode("sweep-b");
        nodeB.join();
        pidsOfB = nodeB.pids();
        api = Api.forServer();
    }

    @AfterAll
    void stopSecondNode() {
        if (nodeB != null) {
            nodeB.stop();
        }
        realms.forEach(r -> r.delete(api));
    }

    @Test
    void aRunLongerThanTheIntervalIsNotOverlappedByTheNext() throws Exception {
        ExpiredGrants work = realm("sweep-long");
        long since = System.currentTimeMillis();
        try (SweepLog log = SweepLog.watch()) {
            work.seed();
            awaitAllRevoked(work);
            ExpiredGrants.Revocations revoked = work.revocations();
            awaitRunFinishedAfter(revoked.last()); // the next run comes and goes
            long took = revoked.last() - revoked.first();
            System.out.printf("one run revoked %d expired grants in %d ms (interval %d ms, lease %d ms)%n", revoked.count(),
                    took, INTERVAL, LEASE);
            assertTrue(took > INTERVAL * 2 && took > LEASE + INTERVAL, "the run outlasts two intervals and its first lease ("
                    + took + " ms): seed more members");
            assertEquals(List.of(), runsStartedDuring(log.samples(), revoked), "no run starts while one is at work");
            assertRevokedOnce(work);

            List<SweepLog.Sample> during = log.samples().stream()
                    .filter(s -> s.at() >= revoked.first() && s.at() <= revoked.last()).toList();
            assertEquals(1, during.stream().map(SweepLog.Sample::leaseId).distinct().count(), "one lease throughout: " + during);
            assertTrue(during.get(0).leaseUntil() < revoked.last(), "the run outlived its first lease term: it renewed the lease");

            List<Map<String, Object>> worked = withRevocations(work.logEntries());
            assertEquals(1, worked.size(), "one log entry did the work: " + worked);
            Map<String, Object> entry = worked.get(0);
            assertEquals(MEMBERS, ((Number) entry.get("REVOKED")).intValue());
            assertNotNull(entry.get("FINISHED_AT"), entry::toString);
            assertFalse(resumed(entry), entry::toString);
            assertEquals(List.of(), SweepLog.overlaps(SweepLog.allSince(since)), "no two entries of the log at once");
            assertTrue(SweepLog.allSince(SweepLog.end(entry)).size() > 0, "the next run started after this one finished");
        }
    }

    @Test
    void aRunWhoseNodeIsKilledIsResumedByTheOtherNodeFromItsLastChunk() throws Exception {
        ExpiredGrants work = realm("sweep-crash");
        long since = System.currentTimeMillis();
        try (SweepLog log = SweepLog.watch()) {
            // only node B may be killed: node A is frozen (SIGSTOP) until node B has taken the run that meets the grants
            nodeA.pause();
            try {
                long seeded = work.seed();
                await("node B takes a run that meets the expired grants", LEASE + 4 * INTERVAL,
                        () -> isB(log.latest().node()) && (log.latest().lastRun() >= seeded || work.revocations().count() > 0));
            } finally {
                nodeA.resume();
            }
            await("node B commits part of the run (each chunk commits on its own)", 120_000,
                    () -> work.revocations().count() >= MEMBERS / 5);
            nodeB.kill();
            SweepLog.Sample atKill = SweepLog.read();
            int byB = work.revocations().count();
            System.out.printf("node B killed after revoking %d of %d expired grants; lease row then: %s%n", byB, MEMBERS,
                    atKill.job());
            assertTrue(byB < MEMBERS, "node B was killed before it finished: seed more members");
            assertTrue(isB(atKill.node()) && atKill.leaseUntil() != null, "node B held the lease: " + atKill.job());
            assertEquals(work.realmId, atKill.job().get("RUN_REALM"), "the run stood in the realm with the work");

            awaitAllRevoked(work);
            ExpiredGrants.Revocations revoked = work.revocations();
            awaitRunFinishedAfter(revoked.last());
            assertRevokedOnce(work);
            assertEquals(List.of(), runsStartedDuring(log.samples(), revoked), "the unfinished run is resumed, not run anew");

            List<Map<String, Object>> worked = withRevocations(work.logEntries());
            assertEquals(2, worked.size(), "node B's entry and node A's, which resumed it: " + worked);
            Map<String, Object> first = worked.get(0);
            Map<String, Object> second = worked.get(1);
            assertTrue(isB((String) first.get("NODE")) && !resumed(first), first::toString);
            assertNull(first.get("FINISHED_AT"), "node B never finished: " + first);
            assertEquals(byB, ((Number) first.get("REVOKED")).intValue(), "node B's entry counts what it committed");
            assertTrue(nodeA.pids().stream().anyMatch(pid -> ((String) second.get("NODE")).startsWith(pid + "@")),
                    second::toString);
            assertTrue(resumed(second), second::toString);
            assertEquals(MEMBERS - byB, ((Number) second.get("REVOKED")).intValue(), "node A did the rest, only the rest");
            assertNotNull(second.get("FINISHED_AT"), second::toString);
            long resumedAfter = SweepLog.started(second) - atKill.leaseUntil();
            System.out.printf("node A resumed %d ms after node B's lease ran out and revoked the other %d grants in %d ms%n",
                    resumedAfter, MEMBERS - byB, SweepLog.end(second) - SweepLog.started(second));
            assertTrue(resumedAfter >= 0 && resumedAfter <= INTERVAL + 2_000, "resumed within one interval of the lease's end: "
                    + resumedAfter + " ms");
            assertEquals(List.of(), SweepLog.overlaps(SweepLog.allSince(since)), "no two entries of the log at once");
        }
    }

    private ExpiredGrants realm(String prefix) {
        ExpiredGrants work = ExpiredGrants.realm(api, prefix, MEMBERS);
        realms.add(work);
        return work;
    }

    /** The starts of runs (the job row's LAST_RUN, as sampled) that fall between the first and the last revocation. */
    private static List<Long> runsStartedDuring(List<SweepLog.Sample> samples, ExpiredGrants.Revocations revoked) {
        return samples.stream().map(SweepLog.Sample::lastRun).distinct()
                .filter(start -> start > revoked.first() && start < revoked.last()).toList();
    }

    private static void assertRevokedOnce(ExpiredGrants work) throws Exception {
        ExpiredGrants.Revocations revoked = work.revocations();
        assertEquals(MEMBERS, revoked.count(), "one revocation per grant in the role history");
        assertEquals(MEMBERS, revoked.members(), "every member's grant revoked");
        assertArrayEquals(new int[] {0, 0}, work.left(), "no grant and no role mapping left");
    }

    private static List<Map<String, Object>> withRevocations(List<Map<String, Object>> entries) {
        return entries.stream().filter(e -> ((Number) e.get("REVOKED")).intValue() > 0).toList();
    }

    private static boolean resumed(Map<String, Object> entry) {
        Object resumed = entry.get("RESUMED");
        return resumed instanceof Boolean b ? b : ((Number) resumed).intValue() != 0;
    }

    private boolean isB(String node) {
        return node != null && pidsOfB.stream().anyMatch(pid -> node.startsWith(pid + "@"));
    }

    private static void awaitAllRevoked(ExpiredGrants work) throws Exception {
        await("every expired grant revoked", 180_000, () -> work.revocations().count() >= MEMBERS);
    }

    private static void await(String what, long millis, Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.call()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within " + millis + " ms: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** The next run came and went: one that started after {@code after} has finished, in some realm. */
    private static void awaitRunFinishedAfter(long after) throws Exception {
        await("a sweep run started after " + after + " finishes", 60_000,
                () -> SweepLog.allSince(after + 1).stream().anyMatch(e -> e.get("FINISHED_AT") != null));
    }
}
