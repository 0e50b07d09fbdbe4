package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secrecy at rest, read from the database itself. Six members vote, each in a request (a transaction)
 * of their own, in descending user-id order and with each ballot's content sorting before the one cast
 * before it, so that voting order is neither content order nor user-id order. While voting, the tables
 * link each voter to their ballot (the control: the checks can see a link); after the close nothing
 * does, and the old row versions have left the table files.
 */
@ExtendWith(RealKeycloak.class)
class BallotSecrecyIT {

    private final Api api = Api.forServer();

    @Test
    void onPostgresqlNoSnapshotPropertyLinksAVoterToABallotAfterTheClose() throws Exception {
        requireDatabase(Database.POSTGRES);
        Voting voting = castSixBallots();
        try (Connection db = RealKeycloak.server().connect(KeycloakServer.PG_DATABASE)) {
            try (Statement statement = db.createStatement()) {
                statement.execute("CREATE EXTENSION IF NOT EXISTS pageinspect");
            }
            List<Row> ballots = pgRows(db, "COMMUNITY_BALLOT", "RECEIPT_HASH", "CONTENT", voting.electionId);
            List<Row> voters = pgRows(db, "COMMUNITY_VOTER", "USER_ID", "USER_ID", voting.electionId);
            voting.assertContentsDescendInVotingOrder(ballots);
            for (Row voter : voters) {
                List<Row> sameWriter = ballots.stream().filter(b -> b.xmin.equals(voter.xmin)).toList();
                assertEquals(List.of(voting.receiptHashes.get(voter.key)), sameWriter.stream().map(Row::key).toList(),
                        "while voting, a voter row's xmin names its ballot");
            }
            List<String> oldIds = new ArrayList<>(ids(ballots));
            oldIds.addAll(ids(voters));
            assertEquals(Set.copyOf(oldIds), pagesHolding(db, oldIds), "while voting, the pages hold every row's id");
            long[] fileNodes = {fileNode(db, "COMMUNITY_BALLOT"), fileNode(db, "COMMUNITY_VOTER")};

            voting.close();
            List<Row> ballotsAfter = pgRows(db, "COMMUNITY_BALLOT", "RECEIPT_HASH", "CONTENT", voting.electionId);
            List<Row> votersAfter = pgRows(db, "COMMUNITY_VOTER", "USER_ID", "USER_ID", voting.electionId);
            Map<String, int[]> writers = new HashMap<>();
            ballotsAfter.forEach(b -> writers.computeIfAbsent(b.xmin, x -> new int[2])[0]++);
            votersAfter.forEach(v -> writers.computeIfAbsent(v.xmin, x -> new int[2])[1]++);
            writers.forEach((xmin, rows) -> assertTrue(rows[0] != 1 || rows[1] != 1,
                    "xmin " + xmin + " is shared by exactly one ballot row and one voter row"));
            assertEquals(1, writers.size(), "the closing transaction wrote every row: " + writers.keySet());
            assertOrderedByPublicData(ballotsAfter, voting.receiptHashes.size());
            assertOrderedByPublicData(votersAfter, voting.receiptHashes.size());
            assertTrue(ids(ballotsAfter).stream().noneMatch(oldIds::contains) && ids(votersAfter).stream().noneMatch(oldIds::contains),
                    "fresh ids");
            assertNotEquals(fileNodes[0], fileNode(db, "COMMUNITY_BALLOT"), "the ballot table was rewritten into a new file");
            assertNotEquals(fileNodes[1], fileNode(db, "COMMUNITY_VOTER"), "the voter table was rewritten into a new file");
            assertEquals(Set.of(), pagesHolding(db, oldIds), "no page of the tables or their indexes holds an old row");
        }
    }

    @Test
    void onMariadbPrimaryKeyOrderFollowsContentAndUserIdsAndBothTablesAreRebuiltAfterTheClose() throws Exception {
        requireDatabase(Database.MARIADB);
        Voting voting = castSixBallots();
        try (Connection db = RealKeycloak.server().connect(KeycloakServer.PG_DATABASE)) {
            List<Row> ballots = mariadbRows(db, "COMMUNITY_BALLOT", "RECEIPT_HASH", "CONTENT", voting.electionId);
            voting.assertContentsDescendInVotingOrder(ballots);
            long[] tableIds = {innodbTableId(db, "COMMUNITY_BALLOT"), innodbTableId(db, "COMMUNITY_VOTER")};

            voting.close();
            List<Row> ballotsAfter = mariadbRows(db, "COMMUNITY_BALLOT", "RECEIPT_HASH", "CONTENT", voting.electionId);
            List<Row> votersAfter = mariadbRows(db, "COMMUNITY_VOTER", "USER_ID", "USER_ID", voting.electionId);
            assertOrderedByPublicData(ballotsAfter, voting.receiptHashes.size());
            assertOrderedByPublicData(votersAfter, voting.receiptHashes.size());
            assertTrue(ids(ballotsAfter).stream().noneMatch(ids(ballots)::contains), "fresh ids");
            assertNotEquals(tableIds[0], innodbTableId(db, "COMMUNITY_BALLOT"), "the ballot table was rebuilt");
            assertNotEquals(tableIds[1], innodbTableId(db, "COMMUNITY_VOTER"), "the voter table was rebuilt");
        }
    }

    /** The end state on disk; that the tables were rebuilt, rather than purged in place, the test above checks. */
    @Test
    void onMariadbTheTableFilesKeepNoOldRowAfterTheClose() throws Exception {
        requireDatabase(Database.MARIADB);
        try (Connection db = RealKeycloak.server().connect(KeycloakServer.PG_DATABASE)) {
            Path dir = Path.of(single(db, "SELECT @@datadir"), single(db, "SELECT DATABASE()"));
            Assumptions.assumeTrue(Files.isReadable(dir.resolve("COMMUNITY_BALLOT.ibd")),
                    "MariaDB's table files are not readable here (" + dir + "): this check needs the server on this machine");
            Voting voting = castSixBallots();
            List<String> oldIds = new ArrayList<>(ids(mariadbRows(db, "COMMUNITY_BALLOT", "RECEIPT_HASH", "CONTENT", voting.electionId)));
            oldIds.addAll(ids(mariadbRows(db, "COMMUNITY_VOTER", "USER_ID", "USER_ID", voting.electionId)));
            assertEquals(Set.copyOf(oldIds), filesHolding(db, dir, oldIds), "while voting, the files hold every row's id");

            voting.close();
            List<String> newIds = new ArrayList<>(ids(mariadbRows(db, "COMMUNITY_BALLOT", "RECEIPT_HASH", "CONTENT", voting.electionId)));
            newIds.addAll(ids(mariadbRows(db, "COMMUNITY_VOTER", "USER_ID", "USER_ID", voting.electionId)));
            assertEquals(Set.copyOf(newIds), filesHolding(db, dir, newIds), "the files on disk hold the rewritten rows");
            assertEquals(Set.of(), filesHolding(db, dir, oldIds), "and no old row");
        }
    }

    // --- the election

    /** An election being voted in, the voters' user ids in voting order, and each voter's receipt hash. */
    private record Voting(Api api, TestRealm realm, String electionId, List<String> votersInOrder, Map<String, String> receiptHashes) {

        void close() {
            Expect.ok(api.post(realm.adminPath("/elections/" + electionId + "/close"), api.adminToken(), null), 200);
        }

        /** Guards the test itself: were voting order content order, "content order" after the close would prove nothing. */
        void assertContentsDescendInVotingOrder(List<Row> ballots) {
            Map<String, String> contentByHash = new HashMap<>();
            ballots.forEach(b -> contentByHash.put(b.key, b.order));
            List<String> inVotingOrder = votersInOrder.stream().map(v -> contentByHash.get(receiptHashes.get(v))).toList();
            assertEquals(inVotingOrder.stream().sorted(Comparator.reverseOrder()).distinct().toList(), inVotingOrder,
                    "each ballot's content sorts before the previous one's");
        }
    }

    private Voting castSixBallots() {
        String admin = api.adminToken();
        TestRealm realm = TestRealm.create(api, "secrecy");
        realm.enableCommunity(Map.of());
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(realm.createUser("voter-" + i));
            Expect.ok(api.post(realm.path("/membership"), realm.token("voter-" + i), null), 201);
        }
        String id = Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "Secret", "method", "irv")), 201)
                .get("id").asText();
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-nominations"), admin, null), 200);
        for (int i = 0; i < 3; i++) {
            String token = realm.token("voter-" + i);
            Expect.ok(api.updateAccount(realm.name, token, Map.of("handle", List.of("voter-" + i + ".h"))), 204);
            Expect.ok(api.post(realm.path("/elections/" + id + "/candidates"), token, Map.of("userId", users.get(i))), 201);
        }
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-voting"), admin, null), 200);
        List<String> candidates = new ArrayList<>();
        Expect.ok(api.get(realm.path("/elections/" + id), realm.token("voter-0")), 200).get("candidates")
                .forEach(c -> candidates.add(c.get("id").asText()));
        candidates.sort(null);
        int[][] permutations = {{2, 1, 0}, {2, 0, 1}, {1, 2, 0}, {1, 0, 2}, {0, 2, 1}, {0, 1, 2}}; // descending
        List<String> order = users.stream().sorted(Comparator.reverseOrder()).toList();
        Map<String, String> receiptHashes = new HashMap<>();
        for (int k = 0; k < order.size(); k++) {
            List<String> ranking = java.util.Arrays.stream(permutations[k]).mapToObj(candidates::get).toList();
            String voter = "voter-" + users.indexOf(order.get(k));
            receiptHashes.put(order.get(k), Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), realm.token(voter),
                    Map.of("ranking", ranking)), 201).get("receiptHash").asText());
        }
        return new Voting(api, realm, id, order, receiptHashes);
    }

    // --- what the database shows

    /** A row as a snapshot shows it: id, writer, place, and the column that names it ({@code key}) and orders it. */
    private record Row(String id, String xmin, long cmin, long page, long item, String key, String order) {
    }

    /**
     * Rows in the order they are stored (ctid) and written (cmin) must be in the order of their public
     * data, and so must their ids: nothing in a row's place or id is left of when it was cast.
     */
    private static void assertOrderedByPublicData(List<Row> rows, int expected) {
        assertEquals(expected, rows.size());
        List<Row> stored = rows.stream().sorted(Comparator.comparingLong(Row::page).thenComparingLong(Row::item)).toList();
        assertEquals(stored.stream().map(Row::order).sorted().toList(), stored.stream().map(Row::order).toList(), "stored in public order");
        assertEquals(stored.stream().map(Row::id).sorted().toList(), stored.stream().map(Row::id).toList(), "ids in public order");
        assertEquals(stored.stream().map(Row::cmin).sorted().toList(), stored.stream().map(Row::cmin).toList(), "written in public order");
    }

    private static List<Row> pgRows(Connection db, String table, String key, String order, String electionId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT ID, xmin::text, cmin::text, (ctid::text::point)[0],"
                + " (ctid::text::point)[1], " + key + ", " + order + " FROM " + table + " WHERE ELECTION_ID = ?")) {
            select.setString(1, electionId);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(new Row(found.getString(1), found.getString(2), Long.parseLong(found.getString(3)), found.getLong(4),
                            found.getLong(5), found.getString(6), found.getString(7)));
                }
            }
        }
        return rows;
    }

    /** InnoDB stores rows in primary-key order, and a row's writer is not readable over SQL: place = rank by id. */
    private static List<Row> mariadbRows(Connection db, String table, String key, String order, String electionId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT ID, " + key + ", " + order + " FROM " + table
                + " WHERE ELECTION_ID = ? ORDER BY ID")) {
            select.setString(1, electionId);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(new Row(found.getString(1), "", 0, 0, rows.size(), found.getString(2), found.getString(3)));
                }
            }
        }
        return rows;
    }

    private static List<String> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }

    private static long fileNode(Connection db, String table) throws SQLException {
        return Long.parseLong(single(db, "SELECT pg_relation_filenode('" + table + "')"));
    }

    private static long innodbTableId(Connection db, String table) throws SQLException {
        return Long.parseLong(single(db, "SELECT TABLE_ID FROM information_schema.INNODB_SYS_TABLES WHERE NAME = CONCAT(DATABASE(), '/"
                + table + "')"));
    }

    /** Which of {@code ids} some page of the ballot and voter tables or their indexes holds, dead rows included (pageinspect). */
    private static Set<String> pagesHolding(Connection db, List<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> relations = new ArrayList<>(List.of("community_ballot", "community_voter"));
        try (Statement statement = db.createStatement(); ResultSet indexes = statement.executeQuery("SELECT indexrelid::regclass::text"
                + " FROM pg_index WHERE indrelid IN ('community_ballot'::regclass, 'community_voter'::regclass)")) {
            while (indexes.next()) {
                relations.add(indexes.getString(1));
            }
        }
        try (PreparedStatement page = db.prepareStatement("SELECT get_raw_page(?, ?)")) {
            for (String relation : relations) {
                long blocks = Long.parseLong(single(db, "SELECT pg_relation_size('" + relation + "') / current_setting('block_size')::int"));
                for (int block = 0; block < blocks; block++) {
                    page.setString(1, relation);
                    page.setInt(2, block);
                    try (ResultSet raw = page.executeQuery()) {
                        raw.next();
                        found.addAll(holding(raw.getBytes(1), ids));
                    }
                }
            }
        }
        return found;
    }

    /** Which of {@code ids} the table files hold, once InnoDB has written the tables' pages out. */
    private static Set<String> filesHolding(Connection db, Path dir, List<String> ids) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("FLUSH TABLES COMMUNITY_BALLOT, COMMUNITY_VOTER FOR EXPORT");
            try {
                Set<String> found = new HashSet<>(holding(Files.readAllBytes(dir.resolve("COMMUNITY_BALLOT.ibd")), ids));
                found.addAll(holding(Files.readAllBytes(dir.resolve("COMMUNITY_VOTER.ibd")), ids));
                return found;
            } finally {
                statement.execute("UNLOCK TABLES");
            }
        }
    }

    private static Set<String> holding(byte[] bytes, List<String> ids) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Set<String> found = new HashSet<>();
        ids.stream().filter(text::contains).forEach(found::add);
        return found;
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void requireDatabase(Database wanted) {
        Database running = RealKeycloak.server().database();
        Assumptions.assumeTrue(running == wanted, running == Database.H2
                ? "Keycloak runs on embedded H2, held by the server process: these checks read PostgreSQL's and MariaDB's tables"
                        + " over JDBC (-Dit.db=postgres, -Dit.db=mariadb)"
                : "a check of " + wanted + " (Keycloak runs on " + running + ")");
    }
}
