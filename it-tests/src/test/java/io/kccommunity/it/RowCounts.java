package io.kccommunity.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows a realm owns in our tables and in Keycloak's user tables, counted in the server's database.
 * Embedded H2 is held by the server process, so there the counts are empty and tests rely on what
 * the admin API shows.
 */
final class RowCounts {

    private static final String OF_REALM = " WHERE REALM_ID = ?";
    private static final String OF_ELECTIONS = " WHERE ELECTION_ID IN (SELECT ID FROM COMMUNITY_ELECTION WHERE REALM_ID = ?)";
    private static final String OF_USERS = " WHERE USER_ID IN (SELECT ID FROM USER_ENTITY WHERE REALM_ID = ?)";
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        for (String table : new String[] {"COMMUNITY_MEMBER", "COMMUNITY_HANDLE", "COMMUNITY_REPUTATION_EVENT",
                "COMMUNITY_BADGE_AWARD", "COMMUNITY_ROLE_HOLDING", "COMMUNITY_ROLE_HISTORY", "COMMUNITY_NOMINATION",
                "COMMUNITY_ELECTION", "COMMUNITY_WEBHOOK", "COMMUNITY_WEBHOOK_MESSAGE", "COMMUNITY_CIRCLE", "COMMUNITY_CIRCLE_MEMBER", "USER_ENTITY", "ADMIN_EVENT_ENTITY",
                "REALM_ATTRIBUTE"}) {
            TABLES.put(table, OF_REALM);
        }
        for (String table : new String[] {"COMMUNITY_CANDIDATE", "COMMUNITY_VOTER", "COMMUNITY_BALLOT"}) {
            TABLES.put(table, OF_ELECTIONS);
        }
        for (String table : new String[] {"USER_ATTRIBUTE", "USER_ROLE_MAPPING"}) {
            TABLES.put(table, OF_USERS);
        }
    }

    private RowCounts() {
    }

    static String ofRealm(TestRealm realm) throws Exception {
        KeycloakServer server = RealKeycloak.server();
        if (server.database() == Database.H2) {
            return "";
        }
        String realmId = realm.api.get("/admin/realms/" + realm.name, realm.api.adminToken()).json().get("id").asText();
        StringBuilder counts = new StringBuilder();
        try (Connection db = server.connect(KeycloakServer.PG_DATABASE)) {
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                try (PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM " + table.getKey() + table.getValue())) {
                    count.setString(1, realmId);
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        counts.append(table.getKey()).append('=').append(rows.getLong(1)).append('\n');
                    }
                }
            }
        }
        return counts.toString();
    }
}
