package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the Playwright scripts in {@code it-tests/browser} with the system Chromium. Tests skip, saying
 * why, where Chromium or Node.js is missing. Screenshots go to {@code it-tests/target/screenshots}.
 */
final class Browser {

    static final Path SCRIPTS = Path.of(System.getProperty("it.browser.dir", "browser"));

    private Browser() {
    }

    /** Skips the calling test unless Chromium and Node.js are here; installs the locked packages (playwright-core, axe-core) once. */
    static void assumeReady(String test) {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        assume(test, Files.isExecutable(chromium), "no Chromium at " + chromium + " (apt-get install chromium)");
        assume(test, run(30, "node", "--version") == 0, "no Node.js on the PATH");
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core")) || !Files.isDirectory(SCRIPTS.resolve("node_modules/axe-core"))) {
            assertEquals(0, run(300, "npm", "ci", "--no-audit", "--no-fund"), "npm ci in " + SCRIPTS);
        }
    }

    static Path screenshots() throws Exception {
        return Files.createDirectories(Path.of(System.getProperty("it.work", "target")).resolve("screenshots"));
    }

    /** Runs a script and returns the JSON line it prints last. */
    static JsonNode script(String name, String... args) throws Exception {
        Path output = Files.createTempFile("browser-script", ".json");
        List<String> command = new java.util.ArrayList<>(List.of("node", SCRIPTS.resolve(name).toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(SCRIPTS.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), name + " finished");
        List<String> lines = Files.readAllLines(output);
        assertTrue(!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("{"), () -> name + " printed no result: " + lines);
        return Api.JSON.readTree(lines.get(lines.size() - 1));
    }

    private static void assume(String test, boolean present, String reason) {
        if (!present) {
            System.out.println(test + " skipped: " + reason);
        }
        Assumptions.assumeTrue(present, reason);
    }

    /**
     * Runs a tool with its output in a log file. Never inheritIO: the test JVM's standard streams are
     * the build tool's channel to it, and a child reading or writing them corrupts that channel.
     */
    private static int run(int seconds, String... command) {
        try {
            Path log = Files.createTempFile("browser-tool", ".log");
            Process process = new ProcessBuilder(command).directory(SCRIPTS.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            boolean done = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!done || process.exitValue() != 0) {
                System.out.println(String.join(" ", command) + " failed:\n" + Files.readString(log));
            }
            return done ? process.exitValue() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
