package io.kccommunity.advocacy;

import io.kccommunity.events.CommunityMetrics;
import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.notices.Notice;
import io.kccommunity.notices.Notices;
import io.kccommunity.reputation.BadgeAwardEntity;
import io.kccommunity.reputation.Badges;
import io.kccommunity.reputation.ReputationRules;
import io.kccommunity.reputation.ReputationStore;
import io.kccommunity.support.SafeRoles;
import io.kccommunity.support.Writes;
import io.kccommunity.web.CommunityError;
import io.kccommunity.webhooks.WebhookEvents;
import io.kccommunity.webhooks.Webhooks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Advocate roles of one realm: promotion by rule (with a grace period before a rule takes a role
 * back), grants and revocations by admins (sticky: rules never touch them), expiries, and the
 * realm role kept in step with each holding. Callers hold the member's row lock
 * ({@link ReputationStore#lockMember}), so one member's roles are never decided twice at once.
 */
public final class Advocacy {

    public static final String RULE = "rule";
    public static final String MANUAL = "manual";
    public static final String ELECTION = "election";
    static final long DAY_MILLIS = 86_400_000L;
    /** How long before a term ends its holder is told. */
    public static final int TERM_NOTICE_DAYS = 7;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdvocacyRules rules;
    private final ReputationRules reputation;
    private final AdvocacyStore store;

    public Advocacy(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.rules = AdvocacyRules.read(realm);
        this.reputation = ReputationRules.read(realm);
        this.store = new AdvocacyStore(session);
    }

    /** Applies every promotion rule to the member; returns {granted, revoked}. */
    public int[] evaluate(UserModel user, MemberEntity member) {
        int[] changes = new int[2];
        if (member == null || member.getStatus() != MembershipStatus.ACTIVE) {
            return changes;
        }
        Map<String, RoleHoldingEntity> held = holdings(user);
        Conditions.Facts facts = facts(user, member);
        long now = Time.currentTimeMillis();
        rules.roles().forEach((role, rule) -> {
            if (rule.promotion() == null) {
                return;
            }
            boolean met = Conditions.allMet(Conditions.check(role, rule.promotion(), facts, reputation));
            RoleHoldingEntity holding = held.get(role);
            if (holding == null && met && SafeRoles.isSafe(realm.getRole(rule.realmRole()))) {
                hold(user, role, RULE, null, null, null);
                changes[0]++;
            } else if (holding != null && RULE.equals(holding.getSource())) {
                if (met) {
                    holding.setFailingSince(null);
                } else if (!rule.promotion().isGrantOnly()) {
                    if (holding.getFailingSince() == null) {
                        holding.setFailingSince(now);
                    }
                    if (now - holding.getFailingSince() >= rule.promotion().grace() * DAY_MILLIS) {
                        release(user, holding, RULE, null, "the promotion rule no longer holds");
                        changes[1]++;
                    }
                }
            }
        });
        store.flush();
        return changes;
    }

    /** Where the member stands on each rule-governed role they do not hold yet. */
    public Map<String, List<Conditions.Condition>> progress(UserModel user, MemberEntity member) {
        Map<String, List<Conditions.Condition>> progress = new LinkedHashMap<>();
        if (member == null || member.getStatus() != MembershipStatus.ACTIVE) {
            return progress;
        }
        Map<String, RoleHoldingEntity> held = holdings(user);
        Conditions.Facts facts = facts(user, member);
        rules.roles().forEach((role, rule) -> {
            if (rule.promotion() != null && !held.containsKey(role)) {
                progress.put(role, Conditions.check(role, rule.promotion(), facts, reputation));
            }
        });
        return progress;
    }

    /**
     * An admin grants a role (or an election does): sticky, optionally until {@code expiresAt}. A role
     * held by rule becomes a manual one. Returns false when nothing changed.
     */
    public boolean grant(UserModel user, String role, String source, String actor, String reason, Long expiresAt) {
        requireRole(role);
        SafeRoles.requireSafe(realm.getRole(rules.role(role).realmRole()));
        MemberEntity member = new ReputationStore(session).lockMember(realm.getId(), user.getId());
        if (member == null || member.getStatus() != MembershipStatus.ACTIVE) {
            throw CommunityError.notFound("not_a_member", "The user is not an active member");
        }
        RoleHoldingEntity holding = holdings(user).get(role);
        if (holding != null && holding.getSource().equals(source) && java.util.Objects.equals(holding.getExpiresAt(), expiresAt)) {
            return false;
        }
        if (holding != null && ELECTION.equals(source) && MANUAL.equals(holding.getSource())) {
            // an admin's grant is sticky: it stays as it is, and the term the election gave is recorded beside it
            writeHistory(user.getId(), role, "grant", source, actor, reason + " (kept as the manual grant it already was)", expiresAt);
            store.flush();
            return false;
        }
        if (holding == null) {
            hold(user, role, source, actor, reason, expiresAt);
        } else {
            holding.setSource(source);
            if (!java.util.Objects.equals(holding.getExpiresAt(), expiresAt)) {
                holding.setTermNoticeAt(null);
            }
            holding.setExpiresAt(expiresAt);
            holding.setFailingSince(null);
            history(user.getId(), role, "grant", source, actor, reason, expiresAt);
        }
        store.flush();
        return true;
    }

    /** An admin revokes a role, whatever granted it. Returns false when the member did not hold it. */
    public boolean revoke(UserModel user, String role, String actor, String reason) {
        requireRole(role);
        new ReputationStore(session).lockMember(realm.getId(), user.getId());
        RoleHoldingEntity holding = holdings(user).get(role);
        if (holding == null) {
            return false;
        }
        release(user, holding, MANUAL, actor, reason);
        store.flush();
        return true;
    }

    /** A member who leaves gives up every advocate role. */
    public void leave(UserModel user) {
        holdings(user).values().forEach(h -> release(user, h, "membership", null, "left the community"));
        store.flush();
    }

    /** Revokes the member's roles whose expiry has passed, read under the member's lock; returns how many. */
    public int expire(String userId, long now) {
        new ReputationStore(session).lockMember(realm.getId(), userId);
        UserModel user = session.users().getUserById(realm, userId);
        int revoked = 0;
        for (RoleHoldingEntity holding : user == null ? List.<RoleHoldingEntity>of()
                : store.expired(realm.getId(), userId, now)) {
            release(user, holding, "expiry", null, "the grant expired");
            revoked++;
        }
        store.flush();
        return revoked;
    }

    /**
     * Tells the member of each term that ends within {@link #TERM_NOTICE_DAYS} days, once per term; returns how
     * many. The holdings are read under the member's lock, so of two sweeps at once only the first tells (the
     * other finds the notice recorded).
     */
    public int remindTermsEnding(String userId, long now) {
        new ReputationStore(session).lockMember(realm.getId(), userId);
        UserModel user = session.users().getUserById(realm, userId);
        int told = 0;
        for (RoleHoldingEntity holding : user == null ? List.<RoleHoldingEntity>of()
                : store.endingUntold(realm.getId(), userId, now, now + TERM_NOTICE_DAYS * DAY_MILLIS)) {
            holding.setTermNoticeAt(now);
            Notices.send(session, realm, user, Notice.TERM_ENDING, Map.of("role", holding.getRole(),
                    "termEnd", Notices.date(holding.getExpiresAt())));
            told++;
        }
        store.flush();
        return told;
    }

    public Map<String, RoleHoldingEntity> holdings(UserModel user) {
        return store.holdings(realm.getId(), user.getId()).stream()
                .collect(Collectors.toMap(RoleHoldingEntity::getRole, h -> h, (a, b) -> a, LinkedHashMap::new));
    }

    public List<RoleHistoryEntity> history(UserModel user, int first, int max) {
        return store.history(realm.getId(), user.getId(), first, max);
    }

    public AdvocacyRules rules() {
        return rules;
    }

    public void requireRole(String role) {
        if (role == null || rules.role(role) == null) {
            throw CommunityError.notFound("role_not_found", "Advocate roles are " + String.join(", ", AdvocacyRules.ROLES));
        }
    }

    private Conditions.Facts facts(UserModel user, MemberEntity member) {
        Set<String> badges = new Badges(session, realm, reputation).held(user).stream()
                .map(BadgeAwardEntity::getBadge).collect(Collectors.toSet());
        long days = member.getJoinedAt() == null ? 0 : (Time.currentTimeMillis() - member.getJoinedAt()) / DAY_MILLIS;
        Set<String> nominated = rules.roles().keySet().stream()
                .filter(r -> store.nomination(realm.getId(), user.getId(), r) != null).collect(Collectors.toSet());
        return new Conditions.Facts(member.getReputation(), badges, days, nominated,
                count -> store.eventsSince(realm.getId(), user.getId(), count.type(),
                        Time.currentTimeMillis() - count.days() * DAY_MILLIS));
    }

    private void hold(UserModel user, String role, String source, String actor, String reason, Long expiresAt) {
        record(user, role, source, expiresAt);
        RoleModel realmRole = realm.getRole(rules.role(role).realmRole());
        if (realmRole != null && !user.hasDirectRole(realmRole)) {
            Writes.guarded("The member's roles", () -> user.grantRole(realmRole));
        }
        history(user.getId(), role, "grant", source, actor, reason, expiresAt);
        CommunityMetrics.roleGranted(session, realm, role, source);
        if (!ELECTION.equals(source)) {
            Notices.send(session, realm, user, Notice.PROMOTED,
                    Notices.attributes("role", role, "termEnd", expiresAt == null ? null : Notices.date(expiresAt)));
        }
    }

    /** Writes a holding, nothing more (no role mapping, history or notice). */
    void record(UserModel user, String role, String source, Long expiresAt) {
        RoleHoldingEntity holding = new RoleHoldingEntity();
        holding.setId(KeycloakModelUtils.generateId());
        holding.setRealmId(realm.getId());
        holding.setUserId(user.getId());
        holding.setRole(role);
        holding.setSource(source);
        holding.setSince(Time.currentTimeMillis());
        holding.setExpiresAt(expiresAt);
        store.persist(holding);
    }

    RealmModel realm() {
        return realm;
    }

    AdvocacyStore store() {
        return store;
    }

    private void release(UserModel user, RoleHoldingEntity holding, String source, String actor, String reason) {
        store.remove(holding);
        RoleModel realmRole = realm.getRole(rules.role(holding.getRole()).realmRole());
        if (realmRole != null && user.hasDirectRole(realmRole)) {
            Writes.guarded("The member's roles", () -> user.deleteRoleMapping(realmRole));
        }
        history(user.getId(), holding.getRole(), "revoke", source, actor, reason, null);
    }

    /** Records a grant or revocation in the member's role history, and tells the apps subscribed to it. */
    void history(String userId, String role, String action, String source, String actor, String reason,
                         Long expiresAt) {
        writeHistory(userId, role, action, source, actor, reason, expiresAt);
        UserModel user = session.users().getUserById(realm, userId);
        if (user != null) {
            String type = "grant".equals(action) ? WebhookEvents.ROLE_GRANTED
                    : "expiry".equals(source) ? WebhookEvents.ROLE_EXPIRED : WebhookEvents.ROLE_REVOKED;
            Webhooks.publish(session, realm, type, Webhooks.member(user, "role", role, "source", source, "reason", reason,
                    "expiresAt", expiresAt == null ? null : java.time.Instant.ofEpochMilli(expiresAt).toString()));
        }
    }

    private void writeHistory(String userId, String role, String action, String source, String actor, String reason,
                              Long expiresAt) {
        RoleHistoryEntity entry = new RoleHistoryEntity();
        entry.setId(KeycloakModelUtils.generateId());
        entry.setRealmId(realm.getId());
        entry.setUserId(userId);
        entry.setRole(role);
        entry.setAction(action);
        entry.setSource(source);
        entry.setActor(actor);
        entry.setReason(reason);
        entry.setExpiresAt(expiresAt);
        entry.setOccurredAt(Time.currentTimeMillis());
        store.persist(entry);
    }
}
