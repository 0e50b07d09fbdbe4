package io.kccommunity.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kccommunity.web.CommunityError;
import org.junit.jupiter.api.Test;

class CommunityConfigUpdateTest {

    private static final CommunityConfig CURRENT =
            new CommunityConfig(true, JoinPolicy.APPROVAL, "Bakers", "https://example.com/coc", "1");

    @Test
    void fieldsLeftOutKeepTheirValue() {
        assertEquals(CURRENT, new CommunityConfigUpdate(null, null, null, null, null).applyTo(CURRENT));
    }

    @Test
    void emptyStringsClearOptionalFields() {
        CommunityConfig next = new CommunityConfigUpdate(null, null, " ", "", "").applyTo(CURRENT);
        assertNull(next.name());
        assertNull(next.codeOfConductUrl());
        assertNull(next.codeOfConductVersion());
    }

    @Test
    void namesAreTrimmedAndKeptVerbatimOtherwise() {
        String hostile = "<b>Bakers</b> '; --";
        assertEquals(hostile, new CommunityConfigUpdate(null, null, "  " + hostile + " ", null, null).applyTo(CURRENT).name());
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        assertEquals("invalid_joinPolicy", refused(new CommunityConfigUpdate(null, "OPEN", null, null, null)));
        assertEquals("invalid_name", refused(new CommunityConfigUpdate(null, null, "n".repeat(101), null, null)));
        assertEquals("invalid_name", refused(new CommunityConfigUpdate(null, null, "tab\there", null, null)));
        assertEquals("invalid_name", refused(new CommunityConfigUpdate(null, null, "lone \ud800", null, null)));
        assertEquals("invalid_name", refused(new CommunityConfigUpdate(null, null, "bread \ud83c\udf5e", null, null)));
        assertEquals("invalid_codeOfConductUrl", refused(new CommunityConfigUpdate(null, null, null, "ftp://example.com", null)));
        assertEquals("invalid_codeOfConductUrl", refused(new CommunityConfigUpdate(null, null, null, "/relative", null)));
        assertEquals("invalid_codeOfConductUrl", refused(new CommunityConfigUpdate(null, null, null, "http://exa mple.com", null)));
        assertEquals("invalid_codeOfConductVersion", refused(new CommunityConfigUpdate(null, null, null, null, "v 1")));
        assertEquals("invalid_codeOfConductVersion", refused(new CommunityConfigUpdate(null, null, null, null, "9".repeat(33))));
    }

    @Test
    void everyPolicyParsesFromItsId() {
        for (JoinPolicy policy : JoinPolicy.values()) {
            assertEquals(policy, new CommunityConfigUpdate(null, policy.id(), null, null, null).applyTo(CURRENT).joinPolicy());
        }
    }

    private static String refused(CommunityConfigUpdate update) {
        return assertThrows(CommunityError.class, () -> update.applyTo(CURRENT)).getError();
    }
}
