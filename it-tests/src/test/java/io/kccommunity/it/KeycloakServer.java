package io.kccommunity.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real Keycloak distribution run as a process with our JAR in {@code providers/}: built once
 * ({@code kc.sh build}, skipped when neither JAR nor database kind changed), started on free ports,
 * stopped at the end of the test run.
 */
public final class KeycloakServer {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password";
    /** The test database on PostgreSQL or MariaDB, dropped and created anew by every run. */
    static final String PG_DATABASE = "keycloak_community_it";

    private final Path home;
    private final Path extensionJar;
    private final Database database;
    private final Path log;
    private final String databaseName;
    private final int httpPort;
    private final int managementPort;
    private final int clusterPort;
    private NodeProcess process;
    private long lastStartMillis;

    KeycloakServer(Path home, Path extensionJar, Database database, Path log, int httpPort) {
        this(home, extensionJar, database, PG_DATABASE, log, httpPort);
    }

    private KeycloakServer(Path home, Path extensionJar, Database database, String databaseName, Path log, int httpPort) {
        this.home = home;
        this.extensionJar = extensionJar;
        this.database = database;
        this.databaseName = databaseName;
        this.log = log;
        this.httpPort = httpPort;
        this.managementPort = freePort();
        this.clusterPort = freePort();
    }

    /**
     * Another node of the same cluster: same distribution, same database, its own ports and log.
     * Only for a shared database (PostgreSQL, MariaDB); the nodes find each other through it.
     */
    public KeycloakServer anotherNode(String name) {
        if (database == Database.H2) {
            throw new IllegalStateException("a cluster needs a shared database: run with -Dit.db=postgres or mariadb");
        }
        return new KeycloakServer(home, extensionJar, database, log.resolveSibling("keycloak-" + name + ".log"), freePort());
    }

    /**
     * A server of its own, not clustered with this one: a copy of the distribution in {@code home},
     * the given JAR, its own database {@code databaseName} on the same database server.
     */
    public KeycloakServer separate(Path home, Path jar, String databaseName) throws IOException {
        if (!Files.exists(home)) {
            copyRecursively(this.home, home);
        }
        return new KeycloakServer(home, jar, database, databaseName, log.resolveSibling("keycloak-" + databaseName + ".log"),
                freePort());
    }

    /** The same server with another JAR in providers/ (installed, and built, at the next start). */
    public KeycloakServer withJar(Path jar) {
        return new KeycloakServer(home, jar, database, databaseName, log, httpPort);
    }

    /** {@code kc.sh export} or {@code kc.sh import} (with the server stopped): the command's output, or a failure. */
    public String runCommand(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        command.addAll(List.of(arguments));
        // on the build start uses: without it the command would rebuild with default build options
        command.add("--optimized");
        command.addAll(databaseOptions());
        Path output = log.resolveSibling("keycloak-" + arguments[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // an import into an empty database creates the master realm: with the same bootstrap admin as a start
        builder.environment().putAll(Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        Process run = builder.start();
        if (!run.waitFor(5, TimeUnit.MINUTES) || run.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", arguments) + " failed:\n" + Files.readString(output));
        }
        return Files.readString(output);
    }

    /** Asks the server's JVM for a full garbage collection ({@code jcmd GC.run}), so heap figures show live data. */
    public void collectGarbage() throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (ProcessHandle jvm : process.process().descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList()) {
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(jvm.pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(1, TimeUnit.MINUTES);
        }
    }

    /** Milliseconds from launch to ready of the last start. */
    public long lastStartMillis() {
        return lastStartMillis;
    }

    /** Installs this server's JAR and starts it on its database as it is (no reset). */
    public void restart() throws Exception {
        installExtension();
        launch();
    }

    /** The server the build configured through system properties (see it-tests/pom.xml). */
    static KeycloakServer fromSystemProperties() {
        Database db = Database.of(System.getProperty("it.db", "h2"));
        Path work = Path.of(System.getProperty("it.work", "target"));
        return new KeycloakServer(Path.of(required("keycloak.home")), Path.of(required("extension.jar")), db,
                work.resolve("keycloak-server.log"), freePort());
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Keycloak's management interface: {@code /health}, {@code /metrics}. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public Database database() {
        return database;
    }

    public Path log() {
        return log;
    }

    public void start() throws Exception {
        installExtension();
        resetDatabase();
        launch();
    }

    /** Starts this node on a database and build that another node already prepared. */
    public void join() throws Exception {
        launch();
    }

    public static final int SWEEP_INTERVAL_SECONDS = 3;
    /** The sweep's lease: a run its node left unfinished is resumed this long after the node's last step, at most. */
    public static final int SWEEP_LEASE_SECONDS = 5;
    /** The one host the test servers may send webhooks to over http: the tests' receivers listen there. */
    public static final String WEBHOOK_HOST = "127.0.0.1";
    /** Seconds between attempts: four attempts in all, over five seconds. */
    public static final String WEBHOOK_RETRY_SCHEDULE = "1,2,2";
    public static final int WEBHOOK_TIMEOUT_SECONDS = 5;
    public static final int WEBHOOK_LEASE_SECONDS = 10;
    private int sweepIntervalSeconds = SWEEP_INTERVAL_SECONDS;
    private int sweepLeaseSeconds = SWEEP_LEASE_SECONDS;

    /**
     * Runs this server's timed sweep every {@code seconds} (the product's default is 3600) under a lease as
     * long: a node checks every lease period too, so on a new database no first run comes before then.
     */
    public KeycloakServer sweepingEvery(int seconds) {
        sweepIntervalSeconds = seconds;
        sweepLeaseSeconds = seconds;
        return this;
    }

    private void launch() throws Exception {
        clearGzipCache();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--hostname-strict=false",
                // the advocacy sweep every few seconds, so tests see expiries without waiting an hour
                "--spi-events-listener--community--sweep-interval=" + sweepIntervalSeconds,
                "--spi-events-listener--community--sweep-lease=" + sweepLeaseSeconds,
                // webhooks to the tests' receivers on loopback, retried within seconds, a dead node's message taken over soon
                "--spi-events-listener--community--webhook-allowed-hosts=" + WEBHOOK_HOST,
                "--spi-events-listener--community--webhook-retry-schedule=" + WEBHOOK_RETRY_SCHEDULE,
                "--spi-events-listener--community--webhook-poll-interval=1",
                "--spi-events-listener--community--webhook-timeout=" + WEBHOOK_TIMEOUT_SECONDS,
                "--spi-events-listener--community--webhook-lease=" + WEBHOOK_LEASE_SECONDS));
        command.addAll(cacheOptions());
        command.addAll(databaseOptions());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "JAVA_OPTS_APPEND", "-Xms256m -Xmx1g"));
        long launched = System.nanoTime();
        process = new NodeProcess(builder.start());
        awaitReady(Duration.ofMinutes(4));
        lastStartMillis = (System.nanoTime() - launched) / 1_000_000;
    }

    public void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** Ends the node as a crash would: SIGKILL to the launcher and the JVM, no shutdown hooks, no goodbye to the cluster. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** The node's process ids (the launcher and Keycloak's JVM); the sweep log names a node {@code pid@host}. */
    public List<Long> pids() {
        return process.pids();
    }

    /** Freezes the node (SIGSTOP), as a long pause of its JVM would: it holds its connections and does nothing. */
    public void pause() throws Exception {
        process.signal("-STOP");
    }

    /** Lets a paused node carry on (SIGCONT). */
    public void resume() throws Exception {
        process.signal("-CONT");
    }

    /** The last {@code lines} lines of the server log, for failure reports. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no server log: " + e.getMessage() + ")";
        }
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    /**
     * Copies our JAR into providers/ and runs {@code kc.sh build}, unless JAR and database kind are
     * unchanged since the last build (an untouched providers/ keeps Keycloak's optimized start valid).
     */
    private void installExtension() throws Exception {
        Path installed = home.resolve("providers/keycloak-community.jar");
        Path marker = home.resolve("providers/.community-build");
        String fingerprint = (extensionJar == null ? "without" : sha256(extensionJar)) + " " + database + " health,metrics";
        if (Files.exists(marker) && Files.readString(marker).equals(fingerprint)) {
            return;
        }
        if (extensionJar == null) {
            Files.deleteIfExists(installed); // Keycloak alone: the baseline of start-up benchmarks
        } else {
            Files.copy(extensionJar, installed, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build",
                "--health-enabled=true", "--metrics-enabled=true", "--db=" + database.kind));
        Path buildLog = log.resolveSibling("keycloak-build.log");
        Process build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(buildLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!build.waitFor(10, TimeUnit.MINUTES) || build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed:\n" + Files.readString(buildLog));
        }
        Files.writeString(marker, fingerprint);
    }

    /**
     * On a shared database every node is clustered as in production (Infinispan, jdbc-ping discovery
     * through the database) on loopback ports of its own; embedded H2 serves one node only.
     */
    /**
     * Keycloak keeps gzipped theme resources on disk under its own version only, so a changed JAR's pages
     * would be served from the last run's copies to every browser (it sends Accept-Encoding: gzip).
     */
    private void clearGzipCache() throws IOException {
        Path cache = home.resolve("data/tmp/kc-gzip-cache");
        if (Files.isDirectory(cache)) {
            try (var files = Files.walk(cache)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private List<String> cacheOptions() {
        if (database == Database.H2) {
            return List.of("--cache=local");
        }
        return List.of("--cache=ispn", "--cache-stack=jdbc-ping", "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + clusterPort);
    }

    private List<String> databaseOptions() {
        return database.serverOptions(databaseName);
    }

    /** A connection to the server's database {@code name} ("" for none), for resets and benchmark seeding. */
    Connection connect(String name) throws java.sql.SQLException {
        return database.connect(name);
    }

    /** Every run starts from an empty database: H2 files deleted, or the server's test database recreated. */
    void resetDatabase() throws Exception {
        if (database == Database.H2) {
            deleteRecursively(home.resolve("data/h2"));
        } else {
            database.recreate(databaseName);
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + managementPort + "/health/ready");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.process().isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.process().exitValue() + ":\n" + logTail(80));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            process.process().waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + ":\n" + logTail(80));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the tests through Maven");
        }
        return value;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().contains("/data/")) {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
