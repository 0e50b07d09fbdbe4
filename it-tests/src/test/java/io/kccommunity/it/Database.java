package io.kccommunity.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The database Keycloak runs on: {@code -Dit.db=h2} (default), {@code postgres} or {@code mariadb}. */
public enum Database {
    H2("dev-file", "", ""), POSTGRES("postgres", "jdbc:postgresql://127.0.0.1:5432/", "postgres"),
    MARIADB("mariadb", "jdbc:mariadb://127.0.0.1:3306/", "root");

    final String kind;
    final String defaultUrl;
    final String defaultUser;

    Database(String kind, String defaultUrl, String defaultUser) {
        this.kind = kind;
        this.defaultUrl = defaultUrl;
        this.defaultUser = defaultUser;
    }

    /** A JDBC URL of the named database on this server ({@code -Dit.db.url} overrides the local default). */
    String url(String databaseName) {
        String base = System.getProperty("it.db.url", "");
        return (base.isEmpty() ? defaultUrl : base) + databaseName;
    }

    String user() {
        String user = System.getProperty("it.db.username", "");
        return user.isEmpty() ? defaultUser : user;
    }

    /** A connection to the named database on this server ("" for none). */
    Connection connect(String databaseName) throws SQLException {
        return DriverManager.getConnection(url(databaseName), user(), System.getProperty("it.db.password", ""));
    }

    /** Drops and creates the named database (PostgreSQL, MariaDB with utf8mb4); H2's files are the server's to delete. */
    void recreate(String databaseName) throws SQLException {
        if (this == POSTGRES) {
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + databaseName);
            }
        } else if (this == MARIADB) {
            try (Connection c = connect(""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + databaseName);
                s.execute("CREATE DATABASE " + databaseName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
    }

    /** Keycloak's options for the named database (none for H2: the distribution's dev-file database). */
    List<String> serverOptions(String databaseName) {
        if (this == H2) {
            return List.of();
        }
        // two nodes share the database server's connections (100 by default): as in production, size
        // the pools so that nodes x pool stays below the server's max_connections
        // MariaDB and MySQL default to REPEATABLE READ; like PostgreSQL, Keycloak is run on READ COMMITTED
        // (see the README: under REPEATABLE READ its user cache can keep an older user after concurrent writes)
        String isolation = this == MARIADB ? "?sessionVariables=tx_isolation='READ-COMMITTED'" : "";
        return List.of("--db-url=" + url(databaseName) + isolation, "--db-username=" + user(),
                "--db-password=" + System.getProperty("it.db.password", ""), "--db-pool-max-size=40");
    }

    static Database of(String name) {
        for (Database db : values()) {
            if (db.kind.equalsIgnoreCase(name) || db.name().equalsIgnoreCase(name)) {
                return db;
            }
        }
        throw new IllegalArgumentException("unknown it.db '" + name + "': use h2, postgres or mariadb");
    }
}
