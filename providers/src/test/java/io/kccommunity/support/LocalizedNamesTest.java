package io.kccommunity.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kccommunity.web.CommunityError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedNamesTest {

    private static final Map<String, String> NEWCOMER = Map.of("en", "Newcomer", "pl", "Nowicjusz", "pt-BR", "Novato");

    @Test
    void theFirstWantedLanguageWithANameWins() {
        assertEquals("Nowicjusz", LocalizedNames.resolve(NEWCOMER, List.of("pl", "en")));
        assertEquals("Newcomer", LocalizedNames.resolve(NEWCOMER, List.of("fr", "de", "en")));
        assertNull(LocalizedNames.resolve(NEWCOMER, List.of("fr")));
        assertNull(LocalizedNames.resolve(null, List.of("en")));
    }

    @Test
    void regionsAndLetterCaseDoNotStandInTheWay() {
        assertEquals("Nowicjusz", LocalizedNames.resolve(NEWCOMER, List.of("pl-PL")));
        assertEquals("Nowicjusz", LocalizedNames.resolve(NEWCOMER, List.of("PL")));
        assertEquals("Novato", LocalizedNames.resolve(NEWCOMER, List.of("pt")));
        assertEquals("Novato", LocalizedNames.resolve(NEWCOMER, List.of("pt-br")));
    }

    @Test
    void acceptLanguageComesFirstThenTheUsersLocaleThenTheRealmsThenEnglish() {
        assertEquals(List.of("pl", "es", "bg", "id", "en"), Languages.chain(List.of("pl", "es"), "bg", "id"));
        assertEquals(List.of("es", "en"), Languages.chain(List.of(), "es", null));
        assertEquals(List.of("en"), Languages.chain(List.of("und", "*", "x-klingon"), "", null));
        assertEquals(List.of("pl-pl", "en"), Languages.chain(List.of("pl-PL", "en"), null, "en"));
    }

    @Test
    void namesAreKeyedByLanguageTags() {
        assertTrue(LocalizedNames.isLanguageTag("pl"));
        assertTrue(LocalizedNames.isLanguageTag("pt-BR"));
        assertTrue(LocalizedNames.isLanguageTag("sr-Latn-RS"));
        assertFalse(LocalizedNames.isLanguageTag("xx"));
        assertFalse(LocalizedNames.isLanguageTag("polish"));
        assertFalse(LocalizedNames.isLanguageTag("pl_PL"));
        assertFalse(LocalizedNames.isLanguageTag(""));
    }

    @Test
    void badNamesAreRefusedNamingTheirPath() {
        assertEquals(NEWCOMER, LocalizedNames.checked("levels", "levels[1].names", NEWCOMER));
        assertNull(LocalizedNames.checked("levels", "levels[1].names", null));
        assertRefused("levels[1].names.pl must not be empty", Map.of("pl", ""));
        assertRefused("levels[1].names.pl must not be empty", Map.of("pl", "  "));
        assertRefused("levels[1].names.klingon is not a language tag", Map.of("klingon", "Qapla"));
        assertRefused("levels[1].names.pl must be at most 64 characters", Map.of("pl", "x".repeat(65)));
        assertRefused("levels[1].names.pl must not contain control characters", Map.of("pl", "a\u0000b"));
        assertRefused("levels[1].names.pl must not contain emoji", Map.of("pl", "\uD83D\uDE00"));
        assertRefused("levels[1].names.pl must not start or end with spaces", Map.of("pl", " Nowicjusz"));
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("pl", "Nowicjusz");
        twice.put("PL", "Nowicjusz");
        assertRefused("levels[1].names.PL is given twice", twice);
        Map<String, String> empty = new LinkedHashMap<>();
        empty.put("pl", null);
        assertRefused("levels[1].names.pl must not be empty", empty);
    }

    @Test
    void ourBundlesNameTheBuiltInItemsInFiveLanguages() {
        Map<String, String> names = Bundles.names("communityLevel.newcomer");
        assertEquals(Bundles.LANGUAGES, List.copyOf(names.keySet()));
        assertEquals("Nowicjusz", names.get("pl"));
    }

    private static void assertRefused(String description, Map<String, String> names) {
        CommunityError e = assertThrows(CommunityError.class, () -> LocalizedNames.checked("levels", "levels[1].names", names));
        assertEquals("invalid_levels", e.getError());
        assertTrue(e.getErrorDescription().startsWith(description), e.getErrorDescription());
    }
}
