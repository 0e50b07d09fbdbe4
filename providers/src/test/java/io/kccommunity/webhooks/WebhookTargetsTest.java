package io.kccommunity.webhooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private static WebhookTargets allowing(String... hosts) {
        return new WebhookTargets(new WebhookSettings(Set.of(hosts), 5000, 15000, List.of(5000L), 5000, 60000));
    }

    @Test
    void addressesInsideTheServersNetworkAreNotPublic() throws Exception {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1")) {
            assertFalse(WebhookTargets.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("93.184.215.14", "8.8.8.8", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8")) {
            assertTrue(WebhookTargets.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void onlyHttpsToPublicAddressesUnlessTheOperatorAllowsTheHost() {
        WebhookTargets targets = allowing("127.0.0.1");
        assertNull(targets.problem("https://93.184.215.14/hooks"));
        assertNull(targets.problem("http://127.0.0.1:8089/hooks"));
        assertNull(targets.problem("https://127.0.0.1/hooks"));
        for (String refused : List.of("http://93.184.215.14/hooks", "https://10.0.0.1/", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/", "https://localhost/", "http://localhost:8080/", "ftp://93.184.215.14/", "javascript:alert(1)",
                "/relative", "https://user:pw@93.184.215.14/", "https://93.184.215.14/#part", "not a url", "https:///path",
                "https://" + "a".repeat(2000) + ".example/")) {
            assertNotNull(targets.problem(refused), refused);
        }
    }

    @Test
    void withoutAnAllowedHostLoopbackIsRefusedToo() {
        assertNotNull(allowing().problem("http://127.0.0.1:8089/hooks"));
        assertNotNull(allowing().problem("https://127.0.0.1/hooks"));
    }
}
