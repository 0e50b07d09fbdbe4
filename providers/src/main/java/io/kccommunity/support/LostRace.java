package io.kccommunity.support;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Tells a write that lost a race to a concurrent transaction (on this node or another), which may be
 * sent again, from one that would fail the same way every time. Keycloak and Hibernate wrap the
 * driver's exception, so the whole cause chain is read.
 */
public final class LostRace {

    /**
     * 23505 unique key (PostgreSQL, H2); 40001 serialization failure (PostgreSQL; also deadlocks on
     * MariaDB and H2); 40P01 deadlock and 55P03 lock not available (PostgreSQL).
     */
    private static final Set<String> SQL_STATES = Set.of("23505", "40001", "40P01", "55P03");
    /**
     * MariaDB/MySQL: 1062 duplicate key, 1213 deadlock, 1205 lock wait timeout, 1020 row changed since
     * it was read; H2: 50200 lock timeout, 90131 row changed by a concurrent transaction.
     */
    private static final Set<Integer> VENDOR_CODES = Set.of(1062, 1213, 1205, 1020, 50200, 90131);

    private LostRace() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t : Causes.of(failure)) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || (t instanceof ConstraintViolationException violation
                        && violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE)) {
                return true;
            }
            if (t instanceof SQLException sql && isRace(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRace(SQLException failure) {
        Set<SQLException> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SQLException e = failure; e != null && seen.add(e); e = e.getNextException()) {
            if (SQL_STATES.contains(e.getSQLState()) || VENDOR_CODES.contains(e.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
