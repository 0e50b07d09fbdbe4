package io.kccommunity.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void theSpecificationsExampleSignsAsPublished() {
        // the example of the Standard Webhooks specification (secret, id, timestamp, body, signature)
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Signatures.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void anyChangeOfIdTimestampOrBodyChangesTheSignature() {
        String secret = Signatures.newSecret();
        String signature = Signatures.sign(secret, "msg_1", 100, "{}");
        assertNotEquals(signature, Signatures.sign(secret, "msg_2", 100, "{}"));
        assertNotEquals(signature, Signatures.sign(secret, "msg_1", 101, "{}"));
        assertNotEquals(signature, Signatures.sign(secret, "msg_1", 100, "{ }"));
        assertNotEquals(signature, Signatures.sign(Signatures.newSecret(), "msg_1", 100, "{}"));
    }

    @Test
    void newSecretsAre32RandomBytesInTheWhsecForm() {
        String secret = Signatures.newSecret();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, Signatures.newSecret());
    }
}
