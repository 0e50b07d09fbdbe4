package io.kccommunity.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rows that say that a member voted and what was voted must never gain a column that could link
 * them (a time, a ballot id, a sequence): this fails when one is added, so the change is a decision.
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
