package io.kccommunity.reputation;

import io.kccommunity.web.Paging;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** One page of a member's reputation history, newest first. */
public final class History {

    private History() {
    }

    /** Each event's type is also named for the reader of this request ({@code reader}: a user of the realm, or null). */
    public static List<EventView> page(KeycloakSession session, RealmModel realm, UserModel user, Paging paging,
                                       UserModel reader) {
        ReputationNames names = ReputationNames.of(session, realm, reader);
        return new ReputationStore(session).history(realm.getId(), user.getId(), paging.first(), paging.max()).stream()
                .map(e -> EventView.of(e, null).named(names.type(e.getType())))
                .toList();
    }
}
