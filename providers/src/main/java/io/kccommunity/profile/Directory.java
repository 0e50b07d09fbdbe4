package io.kccommunity.profile;

import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.web.Paging;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Directory queries. One query pages over our handle and member tables joined with Keycloak's
 * user attributes (same persistence unit), so a page costs the same with 10 or 10,000 members.
 */
final class Directory {

    private Directory() {
    }

    static UserModel holder(KeycloakSession session, RealmModel realm, String handle) {
        List<String> ids = em(session).createQuery(
                        "select h.userId from HandleEntity h where h.realmId = :realm and h.handle = :handle", String.class)
                .setParameter("realm", realm.getId()).setParameter("handle", Handles.normalize(handle)).getResultList();
        if (!ids.isEmpty()) {
            return session.users().getUserById(realm, ids.get(0));
        }
        // users imported with a handle attribute that no profile save has registered yet
        return session.users().searchForUserByUserAttributeStream(realm, "handle", Handles.normalize(handle))
                .findFirst().orElse(null);
    }

    /** User ids of one page of visible, active members, ordered by handle. */
    static List<String> page(KeycloakSession session, RealmModel realm, String search, String interest, Paging paging) {
        boolean bySearch = search != null && !search.isBlank();
        boolean byInterest = interest != null && !interest.isBlank();
        StringBuilder jpql = new StringBuilder("select h.userId from HandleEntity h, MemberEntity m"
                + " where h.realmId = :realm and m.realmId = :realm and m.userId = h.userId and m.status = :active"
                + " and not exists (select a.id from UserAttributeEntity a where a.user.id = h.userId"
                + " and a.name = 'profileVisibility' and a.value = 'private')");
        if (byInterest) {
            jpql.append(" and exists (select i.id from UserAttributeEntity i where i.user.id = h.userId"
                    + " and i.name = 'interests' and i.value = :interest)");
        }
        if (bySearch) {
            jpql.append(" and (h.handle like :search escape '!' or exists (select d.id from UserAttributeEntity d"
                    + " where d.user.id = h.userId and d.name = 'displayName' and lower(d.value) like :search escape '!'))");
        }
        jpql.append(" order by h.handle");
        TypedQuery<String> query = em(session).createQuery(jpql.toString(), String.class)
                .setParameter("realm", realm.getId())
                .setParameter("active", MembershipStatus.ACTIVE);
        if (byInterest) {
            query.setParameter("interest", interest);
        }
        if (bySearch) {
            query.setParameter("search", "%" + likeEscaped(search.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return query.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
