package io.kccommunity.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kccommunity.web.CommunityError;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.DataException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.ModelIllegalStateException;

class WritesTest {

    @Test
    void lostRacesAreRecognisedOnEveryDatabase() {
        assertTrue(LostRace.is(jpa(new SQLException("duplicate key value violates unique constraint", "23505"))), "PostgreSQL, H2");
        assertTrue(LostRace.is(jpa(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))), "MariaDB");
        assertTrue(LostRace.is(jpa(new SQLException("could not serialize access", "40001"))), "serialization");
        assertTrue(LostRace.is(jpa(new SQLException("deadlock detected", "40P01"))), "PostgreSQL deadlock");
        assertTrue(LostRace.is(jpa(new SQLException("Deadlock found when trying to get lock", "40001", 1213))), "MariaDB deadlock");
        assertTrue(LostRace.is(jpa(new SQLException("could not obtain lock on row", "55P03"))), "PostgreSQL lock timeout");
        assertTrue(LostRace.is(jpa(new SQLException("Lock wait timeout exceeded", "HY000", 1205))), "MariaDB lock timeout");
        assertTrue(LostRace.is(jpa(new SQLException("Timeout trying to lock table", "HYT00", 50200))), "H2 lock timeout");
        assertTrue(LostRace.is(new OptimisticLockException("Row was updated or deleted by another transaction")));
        assertTrue(LostRace.is(new PersistenceException(new StaleObjectStateException("COMMUNITY_MEMBER", "id"))));
        assertTrue(LostRace.is(new PessimisticLockException("lock")));
        assertTrue(LostRace.is(new LockTimeoutException("lock")));
        assertTrue(LostRace.is(new PersistenceException(new ConstraintViolationException("unique", null, "insert",
                ConstraintKind.UNIQUE, "UK_COMMUNITY_MEMBER_USER"))), "Hibernate's kind, without a SQLState");
        assertTrue(LostRace.is(new PersistenceException(new LockAcquisitionException("deadlock", new SQLException("deadlock", "40P01")))));
    }

    @Test
    void keycloakWrappersAreLookedThrough() {
        SQLException unique = new SQLException("duplicate key", "23505");
        assertTrue(LostRace.is(new ModelDuplicateException("Duplicate resource error", jpa(unique))));
        assertTrue(LostRace.is(new ModelException("Database operation failed", new PersistenceException("flush", jpa(unique)))));
        assertTrue(LostRace.is(new ModelIllegalStateException("Database operation failed", new OptimisticLockException())));
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "25P02", 0, new int[0]);
        batch.setNextException(unique);
        assertTrue(LostRace.is(new ModelException("Database operation failed", jpa(batch))), "the driver's next exception");
    }

    @Test
    void deterministicFailuresAreNotRaces() {
        assertFalse(LostRace.is(jpa(new SQLException("value too long for type character varying(500)", "22001"))));
        assertFalse(LostRace.is(new PersistenceException(new DataException("Data too long for column 'REASON'",
                new SQLException("Data too long for column 'REASON'", "22001", 1406)))));
        assertFalse(LostRace.is(jpa(new SQLException("null value in column violates not-null constraint", "23502"))));
        // Keycloak calls every class-23 violation a duplicate; a NOT NULL violation is not one
        assertFalse(LostRace.is(new ModelDuplicateException("Duplicate resource error", new PersistenceException(
                new ConstraintViolationException("not null", new SQLException("not null", "23502"), "insert", ConstraintKind.NOT_NULL, null)))));
        assertFalse(LostRace.is(new ModelDuplicateException("Duplicate resource error", new EntityExistsException("same id"))));
        assertFalse(LostRace.is(new ModelException("Database operation failed")));
        assertFalse(LostRace.is(jpa(new SQLException("connection refused", "08001"))));
        Throwable cycle = new PersistenceException("a");
        cycle.initCause(new RuntimeException("b", cycle));
        assertFalse(LostRace.is(cycle));
    }

    @Test
    void aLostRaceAnswers409AndAnythingElseStaysTheServersError() {
        CommunityError conflict = assertThrows(CommunityError.class, () -> Writes.guarded("The ballot", () -> {
            throw new ModelDuplicateException("Duplicate resource error", jpa(new SQLException("duplicate key", "23505")));
        }));
        assertEquals(409, conflict.getResponse().getStatus());
        assertEquals("concurrent_change", conflict.getError());
        assertEquals("The ballot was changed by a concurrent request; send it again", conflict.getErrorDescription());

        PersistenceException tooLong = jpa(new SQLException("value too long", "22001"));
        assertSame(tooLong, assertThrows(PersistenceException.class, () -> Writes.guarded("The ballot", () -> {
            throw tooLong;
        })));
        assertEquals("done", Writes.guarded("The ballot", () -> "done"));
    }

    /** What Hibernate hands on when a statement fails: the driver's exception inside a PersistenceException. */
    private static PersistenceException jpa(SQLException driver) {
        return new PersistenceException("could not execute statement", driver);
    }
}
