package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upgrades and moves, on a server of its own (a copy of the distribution, its own database): a
 * database of the first release (membership and profiles) upgrades to today's schema with its
 * members, and a realm goes through {@code kc.sh export} and {@code kc.sh import} with its community.
 */
@ExtendWith(RealKeycloak.class)
class UpgradeIT {

    private static final String CHANGELOG = "META-INF/community-changelog.xml";
    private static final List<String> FIRST_RELEASE = List.of("2026-11-25-membership.xml", "2026-11-25-profile.xml");

    private static final String DATABASE = "keycloak_community_upgrade";

    /**
     * The first release's schema, its rows written as that release wrote them (today's code cannot
     * run on it: that is the point), then today's JAR on top. Needs a database the test can reach
     * while the server is stopped: PostgreSQL or MariaDB.
     */
    @Test
    void aDatabaseOfTheFirstReleaseUpgradesWithItsMembers() throws Exception {
        KeycloakServer shared = RealKeycloak.server();
        if (shared.database() == Database.H2) {
            System.out.println("UpgradeIT upgrade skipped on H2: the test writes the first release's rows over JDBC (-Dit.db=postgres or mariadb)");
        }
        Assumptions.assumeTrue(shared.database() != Database.H2, "needs a database reachable over JDBC");
        Path work = shared.log().getParent();
        Path currentJar = Path.of(System.getProperty("extension.jar"));
        // today's JAR sets the realm up; the schema is then taken back to the first release's over JDBC
        KeycloakServer first = shared.separate(work.resolve("keycloak-upgrade"), currentJar, DATABASE);
        first.start();
        String realmName;
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        try {
            Api api = new Api(first.baseUrl());
            TestRealm realm = TestRealm.create(api, "upgrade");
            realmName = realm.name;
            realm.enableCommunity(Map.of("name", "Bakers"));
            for (String name : List.of("ana", "ben")) {
                ids.put(name, realm.createUser(name));
                Map<String, Object> user = Map.of("username", name, "email", name + "@example.com", "firstName", "First",
                        "lastName", "Last", "attributes", Map.of("handle", List.of(name + ".h")));
                Expect.ok(api.put("/admin/realms/" + realmName + "/users/" + ids.get(name), api.adminToken(), user), 204);
            }
            String memberRoleId = api.get("/admin/realms/" + realmName + "/roles/community-member", api.adminToken()).json()
                    .get("id").asText();
            String realmId = api.get("/admin/realms/" + realmName, api.adminToken()).json().get("id").asText();
            first.stop();
            try (Connection db = first.connect(DATABASE)) {
                revertToFirstRelease(db, currentJar);
            }
            // what joining wrote in the first release: the member row, the time mirrored for tokens, the member role
            try (Connection db = first.connect(DATABASE); PreparedStatement member = db.prepareStatement(
                    "INSERT INTO COMMUNITY_MEMBER (ID, REALM_ID, USER_ID, STATUS, REQUESTED_AT, JOINED_AT, VERSION)"
                            + " VALUES (?, ?, ?, 'ACTIVE', 1767322800000, 1767322800000, 0)");
                 PreparedStatement since = db.prepareStatement(
                         "INSERT INTO USER_ATTRIBUTE (ID, NAME, VALUE, USER_ID) VALUES (?, 'memberSince', '2026-01-02T03:00:00Z', ?)");
                 PreparedStatement role = db.prepareStatement("INSERT INTO USER_ROLE_MAPPING (ROLE_ID, USER_ID) VALUES (?, ?)")) {
                for (String userId : ids.values()) {
                    member.setString(1, java.util.UUID.randomUUID().toString());
                    member.setString(2, realmId);
                    member.setString(3, userId);
                    member.executeUpdate();
                    since.setString(1, java.util.UUID.randomUUID().toString());
                    since.setString(2, userId);
                    since.executeUpdate();
                    role.setString(1, memberRoleId);
                    role.setString(2, userId);
                    role.executeUpdate();
                }
            }
        } finally {
            first.stop();
        }

        KeycloakServer current = first;
        current.restart();
        try {
            Api api = new Api(current.baseUrl());
            TestRealm realm = TestRealm.existing(api, realmName);
            JsonNode me = Expect.ok(api.get(realm.path("/me"), realm.token("ana")), 200);
            assertEquals("active", me.at("/membership/status").asText(), me::toString);
            assertEquals("ana.h", me.at("/profile/handle").asText(), me::toString);
            assertEquals(0, Expect.ok(api.get(realm.adminPath("/reputation/members/" + ids.get("ben")), api.adminToken()), 200)
                    .get("total").asInt(-1), "the new total column starts at 0 (ben has not logged in since)");
            JsonNode token = Api.claims(realm.token("ben"));
            JsonNode claim = token.get("community");
            assertTrue(claim.get("member").asBoolean(), claim::toString);
            assertEquals("ben.h", claim.get("handle").asText());
            assertTrue(token.at("/realm_access/roles").toString().contains("community-member"), token::toString);

            realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
            Expect.ok(api.post(realm.path("/reputation/events"), realm.serviceToken(),
                    ReputationIT.event(ids.get("ana"), "answer-accepted", "upgrade-1")), 201);
            assertTrue(Api.claims(realm.token("ana")).at("/community/reputation").asInt() >= 15);
            String admin = api.adminToken();
            Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "After the upgrade", "method", "irv")), 201);
            Expect.ok(api.put(realm.adminPath("/advocacy/members/" + ids.get("ben") + "/roles/guru"), admin,
                    Map.of("reason", "kept the forum alive")), 200);
        } finally {
            current.stop();
        }
        try (Connection db = current.connect(DATABASE); Statement query = db.createStatement();
             // Keycloak keeps each extension's Liquibase history in a table of its own, named after the JPA provider
             ResultSet rows = query.executeQuery("SELECT COUNT(DISTINCT FILENAME) FROM DATABASECHANGELOG_COMMUNITY")) {
            rows.next();
            assertEquals(changelogFiles(currentJar), rows.getInt(1), "each of our changelog files applied");
        }
    }

    /** {@code kc.sh export} of a realm, {@code kc.sh import} into an empty database: the community's settings come along. */
    @Test
    void aRealmExportedAndImportedKeepsItsCommunitySettings() throws Exception {
        KeycloakServer shared = RealKeycloak.server();
        Path work = shared.log().getParent();
        KeycloakServer server = shared.separate(work.resolve("keycloak-upgrade"), Path.of(System.getProperty("extension.jar")),
                DATABASE + "_export");
        server.start();
        String realmName;
        try {
            Api api = new Api(server.baseUrl());
            TestRealm realm = TestRealm.create(api, "moving");
            realmName = realm.name;
            realm.enableCommunity(Map.of("name", "Bakers", "joinPolicy", "approval"));
            String admin = api.adminToken();
            Expect.ok(api.put(realm.adminPath("/reputation/rules"), admin, Map.of("dailyCap", 150)), 200);
            Expect.ok(api.put(realm.adminPath("/advocacy/rules"), admin, Map.of("roles", Map.of("guru", Map.of("listed", false)))), 200);
            realm.createUser("ana");
        } finally {
            server.stop();
        }

        Path exported = work.resolve("realm-export");
        deleteRecursively(exported);
        server.runCommand("export", "--dir", exported.toString(), "--realm", realmName);
        JsonNode attributes = Api.JSON.readTree(exported.resolve(realmName + "-realm.json").toFile()).get("attributes");
        assertEquals("true", attributes.get("community.enabled").asText(), attributes::toString);

        server.resetDatabase();
        server.runCommand("import", "--dir", exported.toString());
        server.restart();
        try {
            Api api = new Api(server.baseUrl());
            TestRealm realm = TestRealm.existing(api, realmName);
            String admin = api.adminToken();
            JsonNode config = Expect.ok(api.get(realm.adminPath("/config"), admin), 200);
            assertTrue(config.get("enabled").asBoolean(), config::toString);
            assertEquals("Bakers", config.get("name").asText());
            assertEquals("approval", config.get("joinPolicy").asText());
            assertEquals(150, Expect.ok(api.get(realm.adminPath("/reputation/rules"), admin), 200).get("dailyCap").asInt());
            JsonNode guru = Expect.ok(api.get(realm.adminPath("/advocacy/rules"), admin), 200).at("/roles/guru");
            assertEquals(false, guru.get("listed").asBoolean(true), guru::toString);
            JsonNode claim = Api.claims(realm.token("ana")).get("community");
            assertTrue(claim != null && !claim.get("member").asBoolean(true), "the community scope and its mapper came along");
            JsonNode joined = Expect.ok(api.post(realm.path("/membership"), realm.token("ana"), null), 201);
            assertEquals("pending", joined.get("status").asText(), "the approval policy came along");
        } finally {
            server.stop();
        }
    }

    /** How many files the JAR's master changelog includes. */
    private static int changelogFiles(Path jar) throws Exception {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            return Files.readString(zip.getPath(CHANGELOG)).split("<include ", -1).length - 1;
        }
    }

    /**
     * Takes the schema back to the first release's: drops what every later changelog created (its
     * tables, and its columns on older tables) and forgets that those changelogs ran, so that today's
     * JAR applies them again on its next start, as on a real upgrade.
     */
    private static void revertToFirstRelease(Connection db, Path jar) throws Exception {
        List<String> later = new java.util.ArrayList<>();
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            for (String line : Files.readAllLines(zip.getPath(CHANGELOG))) {
                java.util.regex.Matcher include = java.util.regex.Pattern.compile("<include file=\"([^\"]+)\"").matcher(line);
                if (include.find() && FIRST_RELEASE.stream().noneMatch(include.group(1)::endsWith)) {
                    later.add(0, Files.readString(zip.getPath(include.group(1))));
                }
            }
            assertTrue(!later.isEmpty(), "changelogs after the first release");
            try (Statement sql = db.createStatement()) {
                java.util.Set<String> dropped = new java.util.HashSet<>();
                for (String changelog : later) {
                    org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                            .parse(new java.io.ByteArrayInputStream(changelog.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    org.w3c.dom.NodeList created = xml.getElementsByTagName("createTable");
                    for (int i = 0; i < created.getLength(); i++) {
                        String table = ((org.w3c.dom.Element) created.item(i)).getAttribute("tableName");
                        sql.executeUpdate("DROP TABLE " + table);
                        dropped.add(table);
                    }
                    // an index on an older table: MariaDB keeps it without the dropped column, so drop it first
                    org.w3c.dom.NodeList indexes = xml.getElementsByTagName("createIndex");
                    boolean postgres = db.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
                    for (int i = 0; i < indexes.getLength(); i++) {
                        org.w3c.dom.Element index = (org.w3c.dom.Element) indexes.item(i);
                        String table = index.getAttribute("tableName");
                        if (!dropped.contains(table)) {
                            sql.executeUpdate(postgres ? "DROP INDEX IF EXISTS " + index.getAttribute("indexName")
                                    : "DROP INDEX " + index.getAttribute("indexName") + " ON " + table);
                        }
                    }
                    org.w3c.dom.NodeList added = xml.getElementsByTagName("addColumn");
                    for (int i = 0; i < added.getLength(); i++) {
                        org.w3c.dom.Element change = (org.w3c.dom.Element) added.item(i);
                        String table = change.getAttribute("tableName");
                        org.w3c.dom.NodeList columns = change.getElementsByTagName("column");
                        for (int c = 0; c < columns.getLength() && !dropped.contains(table); c++) {
                            sql.executeUpdate("ALTER TABLE " + table + " DROP COLUMN "
                                    + ((org.w3c.dom.Element) columns.item(c)).getAttribute("name"));
                        }
                    }
                }
                StringBuilder firstFiles = new StringBuilder();
                for (String file : FIRST_RELEASE) {
                    firstFiles.append(" AND FILENAME NOT LIKE '%").append(file).append("'");
                }
                sql.executeUpdate("DELETE FROM DATABASECHANGELOG_COMMUNITY WHERE 1 = 1" + firstFiles);
            }
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
