package io.kccommunity.reputation;

import io.kccommunity.membership.MemberActivatedEvent;
import io.kccommunity.membership.Memberships;
import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.setup.CommunitySettings;
import io.kccommunity.support.Transactions;
import java.time.LocalDate;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The built-in reputation sources: joining (+1), the first login of a UTC day (+1) and a completed
 * community profile (+5), each once per key and each configurable in the rules. Logins and profile
 * updates arrive as Keycloak events (through our event listener, which enabling adds to the realm)
 * and are booked after the login's own transaction commits, in one of their own, so a failure here
 * never fails a login. Joining is booked inside the join's transaction.
 */
public final class BuiltInSources {

    private static final Logger LOG = Logger.getLogger(BuiltInSources.class);
    private static final Set<EventType> TRIGGERS = Set.of(EventType.LOGIN, EventType.UPDATE_PROFILE, EventType.REGISTER);

    private BuiltInSources() {
    }

    public static void onJoin(MemberActivatedEvent joined) {
        if (CommunitySettings.isEnabled(joined.realm())) {
            new Ledger(joined.session(), joined.realm()).awardBuiltIn(joined.user(), ReputationRules.JOIN,
                    key(ReputationRules.JOIN, joined.user()));
        }
    }

    public static void onEvent(KeycloakSession session, Event event) {
        if (!TRIGGERS.contains(event.getType()) || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.getContext().getRealm();
        if (realm == null || !realm.getId().equals(event.getRealmId()) || !CommunitySettings.isEnabled(realm)) {
            return;
        }
        UserModel user = session.users().getUserById(realm, event.getUserId());
        if (user == null || !Memberships.isActive(realm, user) || nothingToBook(session, realm, user, event)) {
            return;
        }
        Transactions.afterCommit(session, () -> {
            try {
                Transactions.retrying(session, s -> {
                    book(s, s.getContext().getRealm(), event);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not book built-in reputation for %s event of user %s", event.getType(), event.getUserId());
            }
        });
    }

    /** Most logins of a day find their points booked already: no transaction of their own for them. */
    private static boolean nothingToBook(KeycloakSession session, RealmModel realm, UserModel user, Event event) {
        ReputationStore store = new ReputationStore(session);
        boolean login = event.getType() == EventType.LOGIN
                && !store.recorded(realm.getId(), Ledger.COMMUNITY_SOURCE, dailyLoginKey(user));
        boolean profile = CommunityProfile.of(user).completeness() == 100
                && !store.recorded(realm.getId(), Ledger.COMMUNITY_SOURCE, key(ReputationRules.PROFILE_COMPLETE, user));
        return !login && !profile;
    }

    /** Keys are unique per realm and source: each names its member, and the day for daily logins. */
    static String key(String type, UserModel user) {
        return type + ":" + user.getId();
    }

    private static String dailyLoginKey(UserModel user) {
        return ReputationRules.DAILY_LOGIN + ":" + LocalDate.ofEpochDay(Ledger.day(Time.currentTimeMillis())) + ":" + user.getId();
    }

    private static void book(KeycloakSession session, RealmModel realm, Event event) {
        UserModel user = session.users().getUserById(realm, event.getUserId());
        if (user == null) {
            return;
        }
        Ledger ledger = new Ledger(session, realm);
        if (event.getType() == EventType.LOGIN) {
            ledger.awardBuiltIn(user, ReputationRules.DAILY_LOGIN, dailyLoginKey(user));
        }
        if (CommunityProfile.of(user).completeness() == 100) {
            ledger.awardBuiltIn(user, ReputationRules.PROFILE_COMPLETE, key(ReputationRules.PROFILE_COMPLETE, user));
        }
    }
}
