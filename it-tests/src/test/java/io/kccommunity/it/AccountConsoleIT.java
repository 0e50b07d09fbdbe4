package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member edits the community bio in Keycloak's real Account Console, driven in a real headless
 * Chromium by Playwright; the saved value is read back over REST. Screenshots go to
 * {@code it-tests/target/screenshots}. Skips, saying why, where Chromium or Node.js is missing.
 */
@ExtendWith(RealKeycloak.class)
class AccountConsoleIT {

    @Test
    void aMemberEditsTheCommunityBioInTheAccountConsole() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
        Path scripts = Path.of(System.getProperty("it.browser.dir", "browser"));
        assumeTool(Files.isExecutable(chromium), "no Chromium at " + chromium + " (apt-get install chromium)");
        assumeTool(run(scripts, 30, "node", "--version") == 0, "no Node.js on the PATH");
        if (!Files.isDirectory(scripts.resolve("node_modules/playwright-core"))) {
            assertEquals(0, run(scripts, 300, "npm", "ci", "--no-audit", "--no-fund"), "npm ci in " + scripts);
        }

        Api api = Api.forServer();
        TestRealm realm = TestRealm.create(api, "console");
        realm.enableCommunity(Map.of());
        realm.createUser("ada");
        String token = realm.token("ada");
        Expect.ok(api.post(realm.path("/membership"), token, null), 201);
        Expect.ok(api.updateAccount(realm.name, token, Map.of("handle", List.of("ada.l"), "profileVisibility", List.of("public"))), 204);

        Path screenshots = Path.of(System.getProperty("it.work", "target")).resolve("screenshots");
        Files.createDirectories(screenshots);
        String bio = "Kneads <b>dough</b> & loves rye \u2014 edited in Chromium";
        Path output = Files.createTempFile("account-console", ".json");
        Process process = new ProcessBuilder("node", scripts.resolve("account-console.mjs").toString(), api.baseUrl(),
                realm.name, "ada", "pw-ada", bio, screenshots.toString())
                .directory(scripts.toFile()).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertTrue(process.waitFor(4, TimeUnit.MINUTES), "the browser script finished");
        List<String> lines = Files.readAllLines(output);
        JsonNode result = Api.JSON.readTree(lines.get(lines.size() - 1));
        assertTrue(result.path("sectionVisible").asBoolean(), () -> "no 'Community profile' section: " + lines);
        assertTrue(result.path("saved").asBoolean(), () -> "not saved: " + lines);
        assertTrue(Files.size(screenshots.resolve("account-console-saved.png")) > 10_000, "a real screenshot");

        JsonNode saved = api.get("/realms/" + realm.name + "/account/", realm.token("ada")).json();
        assertEquals(bio, saved.at("/attributes/bio/0").asText());
        assertEquals("how-to", saved.at("/attributes/interests/0").asText(), "interests are checkboxes: " + saved);
        assertEquals(bio, Expect.ok(api.get(realm.path("/members/ada.l"), null), 200).get("bio").asText());
    }

    private static void assumeTool(boolean present, String reason) {
        if (!present) {
            System.out.println("AccountConsoleIT skipped: " + reason);
        }
        Assumptions.assumeTrue(present, reason);
    }

    /**
     * Runs a tool with its output in a log file. Never inheritIO: the test JVM's standard streams are
     * the build tool's channel to it, and a child reading or writing them corrupts that channel.
     */
    private static int run(Path directory, int seconds, String... command) {
        try {
            Path log = Files.createTempFile("browser-tool", ".log");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
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
