package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The same JAR in Keycloak's official container image. Runs only where a Docker engine answers;
 * elsewhere it reports itself skipped with the reason, and the process-based suites cover the rest.
 */
class ContainerImageIT {

    @Test
    void theOfficialImageWithOurJarServesMembershipAndTheClaim() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            System.out.println("ContainerImageIT skipped: no Docker engine answers on this machine");
        }
        Assumptions.assumeTrue(docker, "no Docker engine answers on this machine; the process-based suites ran instead");

        String version = System.getProperty("keycloak.version", "26.7.0");
        try (GenericContainer<?> keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:" + version)
                .withCopyFileToContainer(MountableFile.forHostPath(Path.of(System.getProperty("extension.jar"))),
                        "/opt/keycloak/providers/keycloak-community.jar")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN)
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD)
                .withCommand("start-dev")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/realms/master").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(4)))) {
            keycloak.start();
            Api api = new Api("http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080));
            TestRealm realm = TestRealm.create(api, "container");
            realm.enableCommunity(Map.of());
            realm.createUser("ana");
            Expect.ok(api.post(realm.path("/membership"), realm.token("ana"), null), 201);
            JsonNode claims = Api.claims(realm.token("ana"));
            assertTrue(claims.at("/community/member").asBoolean(), claims::toString);
            assertEquals("active", Expect.ok(api.get(realm.path("/me"), realm.token("ana")), 200).at("/membership/status").asText());
        }
    }
}
