package io.kccommunity.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kccommunity.web.CommunityError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReputationRulesTest {

    private final ReputationRules rules = ReputationRules.defaults().over(ReputationRules.defaults());

    @Test
    void positivePointsStopAtTheDailyCapAndNegativeOnesAtTheFloor() {
        assertEquals(15, rules.applicable(15, 0, 0, true));
        assertEquals(5, rules.applicable(15, 195, 0, true));
        assertEquals(0, rules.applicable(15, 200, 0, true));
        assertEquals(15, rules.applicable(15, 200, 0, false), "adjustments are not capped");
        assertEquals(-2, rules.applicable(-2, 0, 10, true));
        assertEquals(-1, rules.applicable(-2, 0, 2, true));
        assertEquals(0, rules.applicable(-2, 0, 1, true));
        assertEquals(0, rules.applicable(-2, 0, 0, true), "a total below the floor is not raised by a penalty");
        ReputationRules uncapped = new ReputationRules(null, 0, -5, null, null, null, null).over(rules);
        assertEquals(1000, uncapped.applicable(1000, 10_000, 0, true));
        assertEquals(-5, uncapped.applicable(-50, 0, 0, true));
    }

    @Test
    void levelsFollowTheThresholds() {
        assertEquals("newcomer", rules.levelOf(0).name());
        assertEquals("newcomer", rules.levelOf(-3).name(), "below the first threshold is the first level");
        assertEquals("member", rules.levelOf(50).name());
        assertEquals("regular", rules.levelOf(1999).name());
        assertEquals("leader", rules.levelOf(2000).name());
        assertEquals("regular", rules.nextLevel(60).name());
        assertNull(rules.nextLevel(5000));
    }

    @Test
    void rangedTypesAcceptPointsWithinTheirRangeOnly() {
        assertEquals(true, rules.type("bounty").allows(500));
        assertEquals(false, rules.type("bounty").allows(501));
        assertEquals(false, rules.type("answer-accepted").allows(16));
        assertEquals(true, rules.type("answer-accepted").allows(15));
    }

    @Test
    void impossibleRulesAreRefusedNamingTheField() {
        assertInvalid("invalid_levels", new ReputationRules(null, null, null, null, null,
                List.of(new ReputationRules.Level("a", 10, null), new ReputationRules.Level("b", 10, null)), null));
        assertInvalid("invalid_dailyCap", new ReputationRules(null, -1, null, null, null, null, null));
        assertInvalid("invalid_eventTypes", new ReputationRules(Map.of("daily-login", new ReputationRules.EventType(1, null, null, null)),
                null, null, null, null, null, null));
        assertInvalid("invalid_builtIn", new ReputationRules(null, null, null, null, Map.of("signup", 1), null, null));
        assertInvalid("invalid_sources", new ReputationRules(null, null, null, Map.of("forum", List.of("nope")), null, null, null));
        assertInvalid("invalid_badges", new ReputationRules(null, null, null, null, null, null,
                List.of(new ReputationRules.Badge("b", "B", null, null, "bronze", null, new ReputationRules.Rule("total", null, null)))));
    }

    @Test
    void badNamesAreRefusedWithTheirPath() {
        ReputationRules.Level named = new ReputationRules.Level("b", 10, Map.of("pl", ""));
        CommunityError e = assertInvalid("invalid_levels", new ReputationRules(null, null, null, null, null,
                List.of(new ReputationRules.Level("a", 0, null), named), null));
        assertEquals("levels[1].names.pl must not be empty", e.getErrorDescription());
        e = assertInvalid("invalid_eventTypes", new ReputationRules(
                Map.of("liked", new ReputationRules.EventType(1, null, null, Map.of("xx", "Liked"))), null, null, null, null, null, null));
        assertEquals("eventTypes.liked.names.xx is not a language tag (such as en, pl or pt-BR)", e.getErrorDescription());
        e = assertInvalid("invalid_badges", new ReputationRules(null, null, null, null, null, null, List.of(
                new ReputationRules.Badge("b", "B", Map.of("es", "x".repeat(65)), null, "bronze", null,
                        new ReputationRules.Rule("manual", null, null)))));
        assertEquals("badges[0].names.es must be at most 64 characters", e.getErrorDescription());
    }

    @Test
    void builtInItemsAreNamedInFiveLanguagesAndReadersGetTheirs() {
        ReputationNames polish = new ReputationNames(rules, io.kccommunity.support.Languages.chain(List.of("pl"), null, null));
        assertEquals("Nowicjusz", polish.level("newcomer"));
        assertEquals("Pomocny", polish.badge(rules.badge("helpful")));
        assertEquals("Odpowiedź zaakceptowana", polish.type("answer-accepted"));
        assertEquals("Codzienne logowanie", polish.type("daily-login"), "built-in types are named by our bundles");
        ReputationNames unknown = new ReputationNames(rules, io.kccommunity.support.Languages.chain(List.of("fr"), null, null));
        assertEquals("Newcomer", unknown.level("newcomer"));
        assertEquals("Helpful", unknown.badge(rules.badge("helpful")));
        assertEquals("someday", unknown.type("someday"), "an unknown type is read by its id");
        for (ReputationRules.Level level : rules.levels()) {
            assertEquals(5, level.names().size(), level.name());
        }
    }

    @Test
    void aBadgeWithoutNamesIsReadByItsName() {
        ReputationRules own = new ReputationRules(null, null, null, null, null, List.of(new ReputationRules.Level("novice", 0, null)),
                List.of(new ReputationRules.Badge("baker", "Baker", null, null, "gold", null,
                        new ReputationRules.Rule("manual", null, null)))).over(rules);
        ReputationNames polish = new ReputationNames(own, io.kccommunity.support.Languages.chain(List.of("pl"), null, null));
        assertEquals("Baker", polish.badge(own.badge("baker")));
        assertEquals("novice", polish.level("novice"));
    }

    private CommunityError assertInvalid(String error, ReputationRules update) {
        CommunityError e = assertThrows(CommunityError.class, () -> update.over(rules));
        assertEquals(error, e.getError());
        return e;
    }
}
