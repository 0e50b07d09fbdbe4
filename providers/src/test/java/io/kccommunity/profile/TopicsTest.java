package io.kccommunity.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kccommunity.web.CommunityError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private final Topics topics = new Topics(List.of(
            new Topics.Topic("baking-science", Map.of("en", "Baking science", "pl", "Nauka o pieczeniu")),
            new Topics.Topic("how-to", null))).checked();

    @Test
    void aTopicIsReadInTheReadersLanguageAndADefaultOneWithoutNamesKeepsOurs() {
        assertEquals("Nauka o pieczeniu", topics.name("baking-science", List.of("pl", "en")));
        assertEquals("Baking science", topics.name("baking-science", List.of("bg", "en")));
        assertEquals("Poradniki", topics.name("how-to", List.of("pl", "en")));
        assertEquals("sourdough", topics.name("sourdough", List.of("pl", "en")), "an option added by hand reads as its id");
        assertNull(topics.names("sourdough"));
        assertEquals(5, Topics.defaults().topics().size());
        assertEquals("Primeros pasos", Topics.defaults().name("getting-started", List.of("es")));
    }

    @Test
    void badTopicsAreRefusedNamingTheField() {
        assertRefused("topics[1].id", new Topics.Topic("ok", null), new Topics.Topic("Not OK", null));
        assertRefused("topics[1].id 'ok' is given twice", new Topics.Topic("ok", null), new Topics.Topic("ok", null));
        assertRefused("topics[0].names.pl must not be empty", new Topics.Topic("ok", Map.of("pl", "")));
        assertThrows(CommunityError.class, () -> new Topics(null).checked());
    }

    private static void assertRefused(String description, Topics.Topic... list) {
        CommunityError e = assertThrows(CommunityError.class, () -> new Topics(List.of(list)).checked());
        assertEquals("invalid_topics", e.getError());
        assertEquals(true, e.getErrorDescription().startsWith(description), e.getErrorDescription());
    }
}
