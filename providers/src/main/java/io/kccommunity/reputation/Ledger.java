package io.kccommunity.reputation;

import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.profile.Directory;
import io.kccommunity.events.CommunityMetrics;
import io.kccommunity.support.Text;
import io.kccommunity.support.Writes;
import io.kccommunity.web.CommunityError;
import io.kccommunity.webhooks.WebhookEvents;
import io.kccommunity.webhooks.Webhooks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The reputation ledger of one realm. Every change is an immutable event; the member's total moves
 * with it in the same transaction, under a lock on the member's row, so totals are exact however
 * many nodes and threads write at once. The total is mirrored into the user attribute
 * {@value #ATTRIBUTE}, which Keycloak caches, so tokens carry it without a read of ours.
 */
public final class Ledger {

    public static final String ATTRIBUTE = "reputation";
    /** The source of built-in events (join, daily login, completed profile). */
    public static final String COMMUNITY_SOURCE = "community";
    public static final String ADMIN_SOURCE = "admin";
    public static final int MAX_BATCH = 500;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final String WHAT = "The member's reputation";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ReputationStore store;
    private final ReputationRules rules;

    public Ledger(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.store = new ReputationStore(session);
        this.rules = ReputationRules.read(realm);
    }

    /** An event as recorded, and whether this call only replayed an earlier one with the same key. */
    public record Recorded(ReputationEventEntity event, boolean replayed) {
    }

    /**
     * Records events from an app, all or none. A key already recorded for this app replays the
     * original event, whatever the rules say now; the same key with other content is a conflict.
     * Only a new key is checked against today's rules (types, allow-list, points).
     */
    public List<Recorded> record(String source, List<EventRequest> requests, boolean batch) {
        return Writes.guarded(WHAT, () -> recordAll(source, requests, batch));
    }

    private List<Recorded> recordAll(String source, List<EventRequest> requests, boolean batch) {
        if (requests.isEmpty() || requests.size() > MAX_BATCH) {
            throw CommunityError.badRequest("invalid_request", "A batch holds 1 to " + MAX_BATCH + " events");
        }
        List<Checked> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            String at = batch ? "events[" + i + "]: " : "";
            Checked item = check(source, requests.get(i), at);
            if (!keys.add(item.key)) {
                throw CommunityError.badRequest("invalid_event", at + "the key is used twice in this batch");
            }
            items.add(item);
        }
        Map<String, MemberEntity> members = lockMembers(items);
        // the keys first, under the members' locks: every item is either a replay or checked, before anything is booked
        ReputationEventEntity[] earlier = new ReputationEventEntity[items.size()];
        int[] points = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Checked item = items.get(i);
            earlier[i] = store.byKey(realm.getId(), source, item.key);
            if (earlier[i] != null) {
                if (!item.sameEventAs(earlier[i])) {
                    throw CommunityError.conflict("idempotency_key_reused",
                            item.at + "the key was already used for a different event");
                }
            } else {
                points[i] = allowedPoints(source, item);
                if (members.get(item.user.getId()).getStatus() != MembershipStatus.ACTIVE) {
                    throw CommunityError.badRequest("invalid_event", item.at + "the user is not an active member");
                }
            }
        }
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Checked item = items.get(i);
            if (earlier[i] != null) {
                recorded.add(new Recorded(earlier[i], true));
            } else {
                ReputationEventEntity event = apply(members.get(item.user.getId()), source, item.type, points[i], item.reason,
                        item.key, true);
                event.setCircleId(item.circleId);
                recorded.add(new Recorded(event, false));
            }
        }
        store.flush();
        Map<String, UserModel> users = new LinkedHashMap<>();
        items.forEach(item -> users.put(item.user.getId(), item.user));
        users.forEach((id, user) -> settle(user, members.get(id)));
        return recorded;
    }

    /** Reverses an event once: the member's total goes back by exactly the points it gave. */
    public Recorded reverse(String source, String eventId, String reason) {
        return Writes.guarded(WHAT, () -> reverseOnce(source, eventId, reason));
    }

    private Recorded reverseOnce(String source, String eventId, String reason) {
        ReputationEventEntity original = eventId == null || eventId.length() > 36 ? null : store.byId(realm.getId(), eventId);
        if (original == null || (source != null && !source.equals(original.getSource()))) {
            throw CommunityError.notFound("event_not_found", "No event with this id from this app");
        }
        if (original.getReverses() != null) {
            throw CommunityError.badRequest("invalid_request", "A reversal cannot be reversed");
        }
        String why = Text.clean("reason", reason, 500);
        MemberEntity member = store.lockMember(realm.getId(), original.getUserId());
        ReputationEventEntity done = store.reversalOf(original.getId());
        if (done != null) {
            return new Recorded(done, true);
        }
        if (original.getPoints() > 0 && member.getPointsDay() == day(original.getCreatedAt())) {
            member.setPointsToday(Math.max(0, member.getPointsToday() - original.getPoints()));
        }
        member.setReputation(member.getReputation() - original.getPoints());
        ReputationEventEntity reversal = event(member, original.getSource(), original.getType(),
                -original.getRequestedPoints(), -original.getPoints(), why, "reversal:" + original.getId());
        reversal.setReverses(original.getId());
        reversal.setCircleId(original.getCircleId());
        store.insert(reversal);
        CommunityMetrics.reputationEvent(session, realm, reversal.getSource());
        store.flush();
        UserModel user = session.users().getUserById(realm, member.getUserId());
        if (user != null) {
            settle(user, member);
        }
        return new Recorded(reversal, false);
    }

    /** An admin's adjustment: not capped and not counted against the cap, but the floor holds. */
    public Recorded adjust(UserModel user, int points, String reason) {
        return Writes.guarded(WHAT, () -> adjustOnce(user, points, reason));
    }

    private Recorded adjustOnce(UserModel user, int points, String reason) {
        if (points == 0 || Math.abs(points) > ReputationRules.MAX_POINTS) {
            throw Text.invalid("points", "must be a non-zero whole number from -" + ReputationRules.MAX_POINTS
                    + " to " + ReputationRules.MAX_POINTS);
        }
        String why = Text.clean("reason", reason, 500);
        if (why == null) {
            throw Text.invalid("reason", "is required for an adjustment");
        }
        MemberEntity member = store.lockMember(realm.getId(), user.getId());
        if (member == null || member.getStatus() != MembershipStatus.ACTIVE) {
            throw CommunityError.notFound("not_a_member", "The user is not an active member");
        }
        ReputationEventEntity event = apply(member, ADMIN_SOURCE, ReputationRules.ADJUSTMENT, points, why,
                KeycloakModelUtils.generateId(), false);
        store.flush();
        settle(user, member);
        return new Recorded(event, false);
    }

    /**
     * Awards a built-in event (join, daily login, completed profile) once per key; nothing when its
     * points are set to 0 or the user is not an active member. Then re-evaluates the member's badges.
     */
    public void awardBuiltIn(UserModel user, String type, String key) {
        Writes.guarded(WHAT, () -> awardOnce(user, type, key));
    }

    private void awardOnce(UserModel user, String type, String key) {
        int points = rules.builtInPoints(type);
        if (points > 0 && store.byKey(realm.getId(), COMMUNITY_SOURCE, key) != null) {
            return;
        }
        MemberEntity member = store.lockMember(realm.getId(), user.getId());
        if (member == null || member.getStatus() != MembershipStatus.ACTIVE) {
            return;
        }
        if (points > 0 && store.byKey(realm.getId(), COMMUNITY_SOURCE, key) == null) {
            apply(member, COMMUNITY_SOURCE, type, points, null, key, true);
            store.flush();
        }
        settle(user, member);
    }

    public ReputationRules rules() {
        return rules;
    }

    private ReputationEventEntity apply(MemberEntity member, String source, String type, int requested, String reason,
                                        String key, boolean capped) {
        int today = day(Time.currentTimeMillis());
        if (member.getPointsDay() != today) {
            member.setPointsDay(today);
            member.setPointsToday(0);
        }
        int applied = rules.applicable(requested, member.getPointsToday(), member.getReputation(), capped);
        // the day's counter holds only capped points: an uncapped adjustment leaves the apps their whole cap
        if (applied > 0 && capped) {
            member.setPointsToday(member.getPointsToday() + applied);
        }
        member.setReputation(member.getReputation() + applied);
        ReputationEventEntity event = event(member, source, type, requested, applied, reason, key);
        store.insert(event);
        CommunityMetrics.reputationEvent(session, realm, event.getSource());
        return event;
    }

    private ReputationEventEntity event(MemberEntity member, String source, String type, int requested, int applied,
                                        String reason, String key) {
        ReputationEventEntity event = new ReputationEventEntity();
        event.setId(KeycloakModelUtils.generateId());
        event.setRealmId(realm.getId());
        event.setUserId(member.getUserId());
        event.setSource(source);
        event.setType(type);
        event.setRequestedPoints(requested);
        event.setPoints(applied);
        event.setBalance(member.getReputation());
        event.setReason(reason);
        event.setKey(key);
        event.setCreatedAt(Time.currentTimeMillis());
        return event;
    }

    /** Mirrors the total into the user attribute and awards the badges that are now earned. */
    private void settle(UserModel user, MemberEntity member) {
        Writes.guarded(WHAT, () -> {
            String before = user.getFirstAttribute(ATTRIBUTE);
            store.mirrorTotal(realm, user, ATTRIBUTE, member.getReputation());
            tellLevel(user, before, member.getReputation());
            new Badges(session, realm, rules).evaluate(user, member);
            ReputationChangedEvent.publish(session, realm, user, member);
            store.flush();
        });
    }

    /** A webhook message when the new total crosses a level's threshold (up or down); not for every point. */
    private void tellLevel(UserModel user, String before, int total) {
        int previous;
        try {
            previous = before == null ? 0 : Integer.parseInt(before);
        } catch (NumberFormatException unreadable) {
            previous = 0;
        }
        String was = rules.levelOf(previous).name();
        String now = rules.levelOf(total).name();
        if (!was.equals(now)) {
            Webhooks.publish(session, realm, WebhookEvents.LEVEL_CHANGED, Webhooks.member(user, "level", now,
                    "previousLevel", was, "reputation", total));
        }
    }

    /** Locks every member named, in one order (by user id), so concurrent batches cannot deadlock. */
    private Map<String, MemberEntity> lockMembers(List<Checked> items) {
        Map<String, MemberEntity> members = new TreeMap<>();
        items.forEach(item -> members.put(item.user.getId(), null));
        for (String userId : new ArrayList<>(members.keySet())) {
            MemberEntity member = store.lockMember(realm.getId(), userId);
            if (member == null) {
                Checked item = items.stream().filter(i -> i.user.getId().equals(userId)).findFirst().orElseThrow();
                throw CommunityError.badRequest("invalid_event", item.at + "the user is not a member");
            }
            members.put(userId, member);
        }
        return new LinkedHashMap<>(members);
    }

    private Checked check(String source, EventRequest request, String at) {
        if (request == null) {
            throw CommunityError.badRequest("invalid_event", at + "an event must be a JSON object");
        }
        String key;
        try {
            key = Text.clean("key", request.key(), 128);
        } catch (CommunityError e) {
            throw CommunityError.badRequest("invalid_event", at + "key must be 1-128 characters without control characters");
        }
        if (key == null) {
            throw CommunityError.badRequest("invalid_event", at + "an idempotency key is required");
        }
        if (request.type() == null) {
            throw CommunityError.badRequest("invalid_event", at + "an event type is required");
        }
        String reason;
        try {
            reason = Text.clean("reason", request.reason(), 500);
        } catch (CommunityError e) {
            throw CommunityError.badRequest("invalid_event", at + "reason must be at most 500 characters without control characters");
        }
        UserModel user = member(request, at);
        String circleId = null;
        if (request.circle() != null) {
            circleId = request.circle().length() > 40 ? null : store.activeCircleId(realm.getId(), request.circle(), user.getId());
            if (circleId == null) {
                throw CommunityError.badRequest("invalid_event", at + "circle: the member is not an active member of a circle '"
                        + Text.clean("circle", request.circle(), 40) + "'");
            }
        }
        return new Checked(at, user, request.type(), request.points(), reason, key, circleId);
    }

    /** The points a new event asks for, checked against today's rules: the type, the app's allow-list, the range. */
    private int allowedPoints(String source, Checked item) {
        ReputationRules.EventType type = rules.type(item.type);
        if (type == null) {
            throw CommunityError.badRequest("invalid_event", item.at + "unknown event type; known types: "
                    + String.join(", ", rules.eventTypes().keySet()));
        }
        if (!rules.allows(source, item.type)) {
            throw CommunityError.badRequest("invalid_event", item.at + "this app may not send events of type " + item.type);
        }
        int points = item.points == null ? type.points() : item.points;
        if (!type.allows(points)) {
            throw CommunityError.badRequest("invalid_event", item.at + "points outside the range allowed for " + item.type);
        }
        return points;
    }

    private UserModel member(EventRequest request, String at) {
        if ((request.userId() == null) == (request.handle() == null)) {
            throw CommunityError.badRequest("invalid_event", at + "name the member by exactly one of userId and handle");
        }
        UserModel user;
        if (request.userId() != null) {
            user = Text.isId(request.userId(), 36) ? session.users().getUserById(realm, request.userId()) : null;
        } else {
            user = Directory.holder(session, realm, request.handle());
        }
        if (user == null || user.getServiceAccountClientLink() != null) {
            throw CommunityError.badRequest("invalid_event", at + "unknown member");
        }
        return user;
    }

    static int day(long millis) {
        return (int) (millis / DAY_MILLIS);
    }

    /** An event as sent, its member found; {@code points} null when the app left them to the type. */
    private record Checked(String at, UserModel user, String type, Integer points, String reason, String key,
                           String circleId) {

        /**
         * Whether a resent key names the event it first booked: same member, type and reason, and the
         * same points when it sends points (left out, they stand for what the type gave at the time).
         */
        boolean sameEventAs(ReputationEventEntity earlier) {
            return earlier.getUserId().equals(user.getId()) && earlier.getType().equals(type)
                    && (points == null || earlier.getRequestedPoints() == points)
                    && Objects.equals(earlier.getReason(), reason) && Objects.equals(earlier.getCircleId(), circleId);
        }
    }
}
