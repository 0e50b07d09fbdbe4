package io.kccommunity.advocacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kccommunity.reputation.ReputationRules;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private final ReputationRules reputation = ReputationRules.defaults().over(ReputationRules.defaults());

    @Test
    void everyConditionMustHold() {
        AdvocacyRules.Promotion guru = new AdvocacyRules.Promotion(500, "member", List.of("helpful"), 30,
                new AdvocacyRules.EventCount("answer-accepted", 10, 30), true, 14, null);
        Conditions.Facts almost = new Conditions.Facts(620, Set.of("helpful"), 45, Set.of("guru"), count -> 9);
        List<Conditions.Condition> conditions = Conditions.check("guru", guru, almost, reputation);
        assertEquals(List.of("reputation", "level", "badges", "membershipDays", "eventCount:answer-accepted:30d", "nominated"),
                conditions.stream().map(Conditions.Condition::kind).toList());
        assertFalse(Conditions.allMet(conditions), "9 of 10 answers");
        assertEquals(9L, conditions.get(4).current());
        Conditions.Facts enough = new Conditions.Facts(620, Set.of("helpful"), 45, Set.of("guru"), count -> 10);
        assertTrue(Conditions.allMet(Conditions.check("guru", guru, enough, reputation)));
        assertFalse(Conditions.allMet(Conditions.check("advocate", guru, enough, reputation)), "nominated for guru, not advocate");
    }

    @Test
    void levelsCompareByTheirOrderNotTheirNames() {
        AdvocacyRules.Promotion regulars = new AdvocacyRules.Promotion(null, "regular", null, null, null, null, null, null);
        assertFalse(Conditions.allMet(Conditions.check("advocate", regulars, facts(499), reputation)));
        assertTrue(Conditions.allMet(Conditions.check("advocate", regulars, facts(500), reputation)));
        assertTrue(Conditions.allMet(Conditions.check("advocate", regulars, facts(2500), reputation)), "leader is above regular");
    }

    @Test
    void aRuleWithoutConditionsIsNeverMet() {
        AdvocacyRules.Promotion empty = new AdvocacyRules.Promotion(null, null, null, null, null, null, null, null);
        assertFalse(Conditions.allMet(Conditions.check("advocate", empty, facts(10_000), reputation)));
    }

    @Test
    void theSweepLooksAtMembersFromTheLowestReputationBarUp() {
        assertEquals(200, AdvocacySweep.lowestBar(AdvocacyRules.defaults()));
    }

    private static Conditions.Facts facts(int reputation) {
        return new Conditions.Facts(reputation, Set.of(), 0, Set.of(), count -> 0);
    }
}
