package io.kccommunity.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kccommunity.web.CommunityError;
import java.util.List;
import java.util.Map;
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

    @Test
    void aPitchIsKeptPerLanguageAndReplacedWhenGiven() {
        CommunityConfig pitched = new CommunityConfigUpdate(null, null, null, null, null,
                Map.of("en", "  We bake.\nEvery week. ", "pl", " "), Map.of("en", List.of("Recipes", " "), "pt-BR", List.of()), true)
                .applyTo(CURRENT);
        assertEquals(Map.of("en", "We bake.\nEvery week."), pitched.pitch().description(), "blank texts are dropped");
        assertEquals(Map.of("en", List.of("Recipes")), pitched.pitch().benefits(), "blank benefits and empty languages too");
        assertTrue(pitched.profileCompletionPostponable());
        assertEquals(pitched, new CommunityConfigUpdate(null, null, "Bakers", null, null).applyTo(pitched), "left out: kept");
        CommunityConfig cleared = new CommunityConfigUpdate(null, null, null, null, null, Map.of(), null, false).applyTo(pitched);
        assertEquals(Map.of(), cleared.pitch().description());
        assertEquals(pitched.pitch().benefits(), cleared.pitch().benefits());
        assertFalse(cleared.profileCompletionPostponable());
    }

    @Test
    void aBadPitchIsRefusedNamingTheField() {
        assertEquals("invalid_description", refused(pitch(Map.of("english", "x"), null)));
        assertEquals("invalid_description", refused(pitch(Map.of("en", "d".repeat(1001)), null)));
        assertEquals("invalid_description", refused(pitch(Map.of("en", "bell\u0007"), null)));
        Map<String, String> many = new java.util.HashMap<>();
        for (String locale : List.of("en", "es", "pl", "bg", "id", "de", "fr", "it", "pt", "nl", "cs")) {
            many.put(locale, "x");
        }
        assertEquals("invalid_description", refused(pitch(many, null)));
        assertEquals("invalid_benefits", refused(pitch(null, Map.of("en", List.of("b".repeat(121))))));
        assertEquals("invalid_benefits", refused(pitch(null, Map.of("en", List.of("two\nlines")))));
        assertEquals("invalid_benefits", refused(pitch(null, Map.of("EN", List.of("x")))));
        assertEquals("invalid_benefits", refused(pitch(null, Map.of("en", java.util.Collections.nCopies(9, "x")))));
    }

    private static CommunityConfigUpdate pitch(Map<String, String> description, Map<String, List<String>> benefits) {
        return new CommunityConfigUpdate(null, null, null, null, null, description, benefits, null);
    }

    private static String refused(CommunityConfigUpdate update) {
        return assertThrows(CommunityError.class, () -> update.applyTo(CURRENT)).getError();
    }
}
