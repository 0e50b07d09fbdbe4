package io.kccommunity.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * JUnit extension sharing one {@link KeycloakServer} across every test class of the run: started by
 * the first class that needs it, stopped when the run ends (also after failures), and printing the
 * tail of the server log whenever a test fails. A test during which the server logged an uncaught
 * server error (what a 500 leaves behind) fails, whatever it asserted itself.
 */
public class RealKeycloak implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, TestWatcher {

    private static final String SERVER_ERROR = "Uncaught server error";

    private static KeycloakServer server;

    /** The running server; only valid inside a test class extended with this extension. */
    public static KeycloakServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RealKeycloak.class, key -> startShared(), Running.class);
    }

    private static Running startShared() {
        KeycloakServer started = KeycloakServer.fromSystemProperties();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        try {
            started.start();
        } catch (Exception e) {
            started.stop();
            throw new IllegalStateException("Could not start Keycloak: " + e.getMessage(), e);
        }
        server = started;
        return new Running(started);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(ExtensionContext.Namespace.create(RealKeycloak.class)).put("logOffset", server.log().toFile().length());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        long offset = context.getStore(ExtensionContext.Namespace.create(RealKeycloak.class)).get("logOffset", Long.class);
        String written;
        try (RandomAccessFile file = new RandomAccessFile(server.log().toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, file.length() - offset)];
            file.seek(offset);
            file.readFully(bytes);
            written = new String(bytes, StandardCharsets.UTF_8);
        }
        int at = written.indexOf(SERVER_ERROR);
        if (at >= 0) {
            throw new AssertionError("The server logged an uncaught error during this test:\n"
                    + written.substring(at, Math.min(written.length(), at + 3000)));
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (server != null) {
            System.err.println("---- last lines of the Keycloak log (" + server.log() + ") after "
                    + context.getDisplayName() + " failed ----\n" + server.logTail(60) + "\n----");
        }
    }

    /** Closed by JUnit when the whole run ends. */
    record Running(KeycloakServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop();
        }
    }
}
