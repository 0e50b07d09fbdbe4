package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JAR, dropped into a fresh Keycloak, builds and starts cleanly and registers every provider. */
@ExtendWith(RealKeycloak.class)
class ExtensionInstallIT {

    private static final Pattern PROBLEM = Pattern.compile("\\b(WARN|ERROR)\\b");
    /**
     * Keycloak prints KC-SERVICES0047 for every provider that is not in an org.keycloak package and
     * implements an SPI it marks internal (REST resources, protocol mappers, JPA entities): it is a
     * notice about Keycloak's SPI stability policy that every such extension gets, not a fault.
     */
    private static final String SPI_STABILITY_NOTICE = "KC-SERVICES0047";

    @Test
    void buildAndStartLogShowNoWarningOrErrorFromOurProviders() throws Exception {
        assertTrue(RealKeycloak.server().logText().contains(") started in "), "the server log records the start");
        KeycloakServer server = RealKeycloak.server();
        List<String> ours = new ArrayList<>();
        for (Path log : List.of(server.log().resolveSibling("keycloak-build.log"), server.log())) {
            if (!Files.exists(log)) {
                continue;
            }
            // the build, and the server log up to "started in": what installing the JAR shows an admin
            // (later lines hold request-time noise, e.g. a JDBC driver logging unique-key races we answer with 409)
            try (Stream<String> lines = Files.lines(log).takeWhile(l -> !l.contains(") started in "))) {
                lines.filter(l -> PROBLEM.matcher(l).find())
                        .filter(l -> l.contains("io.kccommunity") || l.contains("community-changelog") || l.contains("COMMUNITY_"))
                        .filter(l -> !l.contains(SPI_STABILITY_NOTICE))
                        .forEach(ours::add);
            }
        }
        assertEquals(List.of(), ours, "warnings or errors naming our providers");
        assertTrue(server.logText().contains("Using changelog META-INF/community-changelog.xml"),
                "our Liquibase changelog ran");
    }

    @Test
    void serverInfoListsOurProviders() {
        Api api = Api.forServer();
        JsonNode info = api.get("/admin/serverinfo", api.adminToken()).json();
        JsonNode providers = info.get("providers");
        assertTrue(providers.at("/realm-restapi-extension/providers").has("community"), "member REST");
        assertTrue(providers.at("/admin-realm-restapi-extension/providers").has("community"), "admin REST");
        assertTrue(providers.at("/jpa-entity-provider/providers").has("community"), "entities");
        boolean mapper = false;
        for (JsonNode type : info.at("/protocolMapperTypes/openid-connect")) {
            mapper |= "community-claim-mapper".equals(type.get("id").asText());
        }
        assertTrue(mapper, "community claim mapper type");
        boolean theme = false;
        for (JsonNode login : info.at("/themes/login")) {
            theme |= "community".equals(login.get("name").asText());
        }
        assertTrue(theme, "community login theme");
    }
}
