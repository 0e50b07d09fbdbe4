package io.kccommunity.advocacy;

import io.kccommunity.reputation.ReputationRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/** A promotion rule checked against what is known of a member, condition by condition. */
public final class Conditions {

    private Conditions() {
    }

    /** What is known of a member; event counts are looked up only when a rule asks for one. */
    public record Facts(int reputation, Set<String> badges, long membershipDays, Set<String> nominatedFor,
                        ToLongFunction<AdvocacyRules.EventCount> eventCounter) {
    }

    /** One condition: its kind, where the member stands, what it takes, and whether it is met. */
    public record Condition(String kind, Object current, Object required, boolean met) {
    }

    public static List<Condition> check(String role, AdvocacyRules.Promotion p, Facts facts, ReputationRules reputation) {
        List<Condition> conditions = new ArrayList<>();
        if (p.minReputation() != null) {
            conditions.add(new Condition("reputation", facts.reputation(), p.minReputation(),
                    facts.reputation() >= p.minReputation()));
        }
        if (p.minLevel() != null) {
            String level = reputation.levelOf(facts.reputation()).name();
            conditions.add(new Condition("level", level, p.minLevel(), rank(reputation, level) >= rank(reputation, p.minLevel())));
        }
        if (p.badges() != null && !p.badges().isEmpty()) {
            List<String> held = p.badges().stream().filter(facts.badges()::contains).toList();
            conditions.add(new Condition("badges", held, p.badges(), held.size() == p.badges().size()));
        }
        if (p.minMembershipDays() != null) {
            conditions.add(new Condition("membershipDays", facts.membershipDays(), p.minMembershipDays(),
                    facts.membershipDays() >= p.minMembershipDays()));
        }
        if (p.eventCount() != null) {
            long count = facts.eventCounter().applyAsLong(p.eventCount());
            conditions.add(new Condition("eventCount:" + p.eventCount().type() + ":" + p.eventCount().days() + "d", count,
                    p.eventCount().count(), count >= p.eventCount().count()));
        }
        if (Boolean.TRUE.equals(p.nominated())) {
            boolean nominated = facts.nominatedFor().contains(role);
            conditions.add(new Condition("nominated", nominated, true, nominated));
        }
        return conditions;
    }

    public static boolean allMet(List<Condition> conditions) {
        return !conditions.isEmpty() && conditions.stream().allMatch(Condition::met);
    }

    private static int rank(ReputationRules reputation, String level) {
        for (int i = 0; i < reputation.levels().size(); i++) {
            if (reputation.levels().get(i).name().equals(level)) {
                return i;
            }
        }
        return -1;
    }
}
