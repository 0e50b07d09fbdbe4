package io.kccommunity.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rows that say that a member voted and what was voted must never gain a column that could link
 * them (a time, a ballot id, a sequence): this fails when one is added, so the change is a decision.
 * And what the close writes in their place must follow content and user ids only, whatever order the
 * ballots came in: the order of writing is what a snapshot shows (places, PostgreSQL's cmin, InnoDB's
 * record order), so it must be a function of public data. {@code BallotSecrecyIT} checks the tables themselves.
 */
class BallotSecrecyTest {

    @Test
    void voterRowsHoldOnlyElectionAndUser() {
        assertEquals(Set.of("ID", "ELECTION_ID", "USER_ID"), columns(VoterEntity.class));
    }

    @Test
    void ballotRowsHoldNoUserAndNoTime() {
        assertEquals(Set.of("ID", "ELECTION_ID", "RECEIPT_HASH", "CONTENT"), columns(BallotEntity.class));
    }

    @Test
    void receiptsAreHashedWithSha256() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", BallotBox.hash("abc"));
    }

    @Test
    void theCloseWritesBallotsInContentOrderWithFreshAscendingIdsWhateverOrderTheyCameIn() {
        List<BallotEntity> cast = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cast.add(ballot(UUID.randomUUID().toString(), "{\"choices\":[\"c" + (i % 7) + "\"]}", BallotBox.hash("r" + i)));
        }
        List<BallotEntity> once = SecretBallots.rewrittenBallots("e1", shuffled(cast, 1));
        List<BallotEntity> again = SecretBallots.rewrittenBallots("e1", shuffled(cast, 2));
        List<String> written = once.stream().map(b -> b.getContent() + " " + b.getReceiptHash()).toList();
        assertEquals(written, again.stream().map(b -> b.getContent() + " " + b.getReceiptHash()).toList(),
                "the order of writing does not depend on the order of casting");
        assertEquals(cast.stream().sorted(Comparator.comparing(BallotEntity::getContent).thenComparing(BallotEntity::getReceiptHash))
                .map(b -> b.getContent() + " " + b.getReceiptHash()).toList(), written, "content order, then receipt hash");
        assertTrue(once.stream().allMatch(b -> "e1".equals(b.getElectionId())));
        assertFreshAscending(once.stream().map(BallotEntity::getId).toList(), cast.stream().map(BallotEntity::getId).toList());
        assertNotEquals(once.get(0).getId(), again.get(0).getId(), "ids are drawn afresh at every rewrite");
    }

    @Test
    void theCloseWritesVotersInUserIdOrderWithFreshAscendingIds() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            users.add(UUID.randomUUID().toString());
        }
        List<VoterEntity> once = SecretBallots.rewrittenVoters("e1", shuffled(users, 3));
        assertEquals(users.stream().sorted().toList(), once.stream().map(VoterEntity::getUserId).toList());
        assertEquals(once.stream().map(VoterEntity::getUserId).toList(),
                SecretBallots.rewrittenVoters("e1", shuffled(users, 4)).stream().map(VoterEntity::getUserId).toList());
        assertTrue(once.stream().allMatch(v -> "e1".equals(v.getElectionId())));
        assertFreshAscending(once.stream().map(VoterEntity::getId).toList(), users);
    }

    @Test
    void bothTablesAreRebuiltOnPostgresqlAndMariadbOnTheirPrimaryKeys() throws IOException {
        assertEquals(TableRebuild.Kind.POSTGRESQL, TableRebuild.kind("PostgreSQL"));
        assertEquals(TableRebuild.Kind.MYSQL, TableRebuild.kind("MariaDB"));
        assertEquals(TableRebuild.Kind.MYSQL, TableRebuild.kind("MySQL"));
        assertEquals(TableRebuild.Kind.OTHER, TableRebuild.kind("H2"));
        assertEquals(List.of(), TableRebuild.statements(TableRebuild.Kind.OTHER));
        assertEquals(List.of("OPTIMIZE TABLE COMMUNITY_BALLOT, COMMUNITY_VOTER"), TableRebuild.statements(TableRebuild.Kind.MYSQL));
        String changelog;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/community-changelog/2026-11-25-governance.xml")) {
            changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> clustered = TableRebuild.statements(TableRebuild.Kind.POSTGRESQL);
        assertEquals(2, clustered.size());
        for (String table : List.of("COMMUNITY_BALLOT", "COMMUNITY_VOTER")) {
            assertTrue(clustered.contains("CLUSTER " + table + " USING PK_" + table), clustered::toString);
            assertTrue(changelog.contains("primaryKeyName=\"PK_" + table + "\""), "the changelog names the primary key PK_" + table);
        }
    }

    /** Ids all new, distinct, random UUIDs (version 4), ascending in the order the rows are written. */
    private static void assertFreshAscending(List<String> ids, List<String> old) {
        assertEquals(ids.stream().sorted().toList(), ids, "ascending in writing order");
        assertEquals(ids.size(), Set.copyOf(ids).size(), "distinct");
        assertTrue(ids.stream().noneMatch(old::contains), "none taken over");
        assertTrue(ids.stream().allMatch(id -> UUID.fromString(id).version() == 4), ids::toString);
    }

    private static BallotEntity ballot(String id, String content, String receiptHash) {
        BallotEntity ballot = new BallotEntity();
        ballot.setId(id);
        ballot.setElectionId("e1");
        ballot.setContent(content);
        ballot.setReceiptHash(receiptHash);
        return ballot;
    }

    private static <T> List<T> shuffled(List<T> items, long seed) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    /** base64url(SHA-256("community-receipt:" + key)), so anyone can check a receipt against its key, never the reverse. */
    @Test
    void aReceiptIsDerivedFromItsChangeKeyOneWay() {
        assertEquals("OZ81IsPNminUJu6MrD9a3ZzqbC0h16m0e9qJ_v2cOmg", BallotBox.receiptOf("abc"));
    }

    private static Set<String> columns(Class<?> entity) {
        return Arrays.stream(entity.getDeclaredFields()).map(Field::getDeclaredAnnotations)
                .flatMap(Arrays::stream).filter(Column.class::isInstance).map(a -> ((Column) a).name())
                .collect(Collectors.toSet());
    }
}
