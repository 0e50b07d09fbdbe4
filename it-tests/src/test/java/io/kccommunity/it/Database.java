package io.kccommunity.it;

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

    static Database of(String name) {
        for (Database db : values()) {
            if (db.kind.equalsIgnoreCase(name) || db.name().equalsIgnoreCase(name)) {
                return db;
            }
        }
        throw new IllegalArgumentException("unknown it.db '" + name + "': use h2, postgres or mariadb");
    }
}
