package io.kccommunity.governance;

import io.kccommunity.support.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.transaction.JtaTransactionManagerLookup;

/**
 * Rewrites the ballot and voter tables into new files once a close has committed, so the row versions
 * it deleted (which still carry the voting transactions' ids, places and order) leave the table files
 * at once: PostgreSQL's VACUUM only marks them free, where pageinspect or a copy of the files still
 * reads them, and InnoDB keeps them until its purge, which waits for every older reader. It runs after
 * the commit on a connection of its own, outside any transaction: before the commit the deleted rows
 * are not dead yet (a rebuild copies them), and MariaDB commits an open transaction before a rebuild.
 */
final class TableRebuild {

    private static final Logger LOG = Logger.getLogger(TableRebuild.class);
    private static final String KEY = TableRebuild.class.getName();
    private static final long WAIT_MILLIS = 10_000;

    /**
     * Transactions older than the close that may still read the old versions: PostgreSQL keeps those
     * versions for them, also in the file a CLUSTER writes.
     */
    private static final String OLDER_TRANSACTIONS = "SELECT COUNT(*) FROM ("
            + "SELECT backend_xid AS x FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND (datname = current_database() OR datname IS NULL)"
            + " UNION ALL SELECT backend_xmin FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND (datname = current_database() OR datname IS NULL)"
            + " UNION ALL SELECT xmin FROM pg_replication_slots) held WHERE age(x) >= age(CAST(? AS xid))";

    enum Kind { POSTGRESQL, MYSQL, OTHER }

    private TableRebuild() {
    }

    static Kind kind(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        return name.contains("postgres") ? Kind.POSTGRESQL
                : name.contains("mariadb") || name.contains("mysql") ? Kind.MYSQL : Kind.OTHER;
    }

    /** The statements that rebuild both tables: on PostgreSQL in primary-key order, which the close made content order. */
    static List<String> statements(Kind kind) {
        return switch (kind) {
            case POSTGRESQL -> List.of("CLUSTER COMMUNITY_BALLOT USING PK_COMMUNITY_BALLOT", "CLUSTER COMMUNITY_VOTER USING PK_COMMUNITY_VOTER");
            case MYSQL -> List.of("OPTIMIZE TABLE COMMUNITY_BALLOT, COMMUNITY_VOTER");
            case OTHER -> List.of();
        };
    }

    /** Called inside the closing transaction: enlists one rebuild for after its commit. */
    static void afterCommit(KeycloakSession session, EntityManager em) {
        Kind kind = kind(em.unwrap(Session.class).doReturningWork(c -> c.getMetaData().getDatabaseProductName()));
        if (kind == Kind.OTHER || session.getAttribute(KEY) != null) {
            return;
        }
        session.setAttribute(KEY, kind);
        String closingXid = kind == Kind.POSTGRESQL
                ? (String) em.createNativeQuery("SELECT CAST(txid_current() % 4294967296 AS VARCHAR(10))").getSingleResult() : null;
        ConnectionProvider connections = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(ConnectionProvider.class);
        JtaTransactionManagerLookup jta = session.getProvider(JtaTransactionManagerLookup.class);
        TransactionManager manager = jta == null ? null : jta.getTransactionManager();
        Transactions.afterCommit(session, () -> run(kind, closingXid, connections, manager));
    }

    private static void run(Kind kind, String closingXid, ConnectionProvider connections, TransactionManager manager) {
        Transaction suspended = null;
        try {
            suspended = manager == null ? null : manager.suspend();
            Connection connection = connections.getConnection();
            try {
                connection.setAutoCommit(true);
                if (kind == Kind.POSTGRESQL && !olderTransactionsEnded(connection, closingXid)) {
                    LOG.warnf("A transaction older than an election's close is still open after %d s, so the old versions of the"
                            + " ballot and voter rows stay in the table files; run %s once it has ended", WAIT_MILLIS / 1000,
                            String.join("; ", statements(kind)));
                    return;
                }
                rebuild(kind, connection);
            } finally {
                connections.closeConnection(connection);
            }
        } catch (Exception e) {
            LOG.warnf(e, "Rebuilding the ballot and voter tables after an election's close failed; old row versions stay in"
                    + " the table files until %s runs", String.join("; ", statements(kind)));
        } finally {
            resume(manager, suspended);
        }
    }

    private static boolean olderTransactionsEnded(Connection connection, String closingXid) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        try (PreparedStatement older = connection.prepareStatement(OLDER_TRANSACTIONS)) {
            older.setString(1, closingXid);
            while (true) {
                try (ResultSet count = older.executeQuery()) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        return true;
                    }
                }
                if (System.currentTimeMillis() > deadline) {
                    return false;
                }
                Thread.sleep(100);
            }
        }
    }

    /** Each statement waits at most 5 s for its lock, and holds it as long as copying the table takes. */
    private static void rebuild(Kind kind, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(kind == Kind.POSTGRESQL ? "SET lock_timeout = '5s'" : "SET SESSION lock_wait_timeout = 5");
            try {
                for (String sql : statements(kind)) {
                    if (statement.execute(sql)) {
                        refuseErrors(statement.getResultSet(), sql);
                    }
                }
            } finally {
                statement.execute(kind == Kind.POSTGRESQL ? "RESET lock_timeout" : "SET SESSION lock_wait_timeout = DEFAULT");
            }
        }
    }

    /** OPTIMIZE TABLE reports a failure as a row, not as an exception. */
    private static void refuseErrors(ResultSet rows, String sql) throws SQLException {
        try (rows) {
            while (rows.next()) {
                if ("error".equalsIgnoreCase(rows.getString("Msg_type"))) {
                    throw new SQLException(sql + ": " + rows.getString("Msg_text"));
                }
            }
        }
    }

    private static void resume(TransactionManager manager, Transaction suspended) {
        if (suspended != null) {
            try {
                manager.resume(suspended);
            } catch (Exception e) {
                LOG.warn("Could not resume the suspended transaction after rebuilding the ballot tables", e);
            }
        }
    }
}
