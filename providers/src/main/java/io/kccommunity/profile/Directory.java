package io.kccommunity.profile;

import io.kccommunity.membership.MembershipStatus;
import io.kccommunity.support.Text;
import io.kccommunity.web.Paging;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Lookups by handle and directory queries. A handle names the user the registry gives it to, and only
 * while their {@code handle} attribute says the same, so a duplicate attribute written past the user
 * profile is never reached. One query pages over our member table joined with Keycloak's user
 * attributes (same persistence unit) and the registry.
 */
public final class Directory {

    private Directory() {
    }

    /** The user holding {@code handle}, in any letter case; null for anything that is not a held handle. */
    public static UserModel holder(KeycloakSession session, RealmModel realm, String handle) {
        String wanted = handle == null ? null : Handles.normalize(handle);
        String userId = Handles.isWellFormed(wanted) ? Handles.holderId(em(session), realm.getId(), wanted) : null;
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        return user != null && wanted.equals(user.getFirstAttribute(Handles.ATTRIBUTE)) ? user : null;
    }

    /** User ids of one page of visible, active members with a handle, ordered by handle. */
    static List<String> page(KeycloakSession session, RealmModel realm, String search, String interest, Paging paging) {
        boolean bySearch = search != null && !search.isBlank();
        boolean byInterest = interest != null && !interest.isBlank();
        StringBuilder jpql = new StringBuilder("select m.userId from MemberEntity m, UserAttributeEntity h"
                + " where m.realmId = :realm and m.status = :active and h.user.id = m.userId and h.name = 'handle'"
                + " and exists (select r.id from HandleEntity r where r.realmId = m.realmId and r.userId = m.userId"
                + " and r.handle = h.value and r.reservedAt is null)"
                + " and not exists (select p.id from UserAttributeEntity p where p.user.id = m.userId"
                + " and p.name = 'profileVisibility' and p.value = 'private')");
        if (byInterest) {
            jpql.append(" and exists (select i.id from UserAttributeEntity i where i.user.id = m.userId"
                    + " and i.name = 'interests' and i.value = :interest)");
        }
        if (bySearch) {
            jpql.append(" and (lower(h.value) like :search escape '!' or exists (select d.id from UserAttributeEntity d"
                    + " where d.user.id = m.userId and d.name = 'displayName' and lower(d.value) like :search escape '!'))");
        }
        jpql.append(" order by h.value");
        TypedQuery<String> query = em(session).createQuery(jpql.toString(), String.class)
                .setParameter("realm", realm.getId())
                .setParameter("active", MembershipStatus.ACTIVE);
        if (byInterest) {
            query.setParameter("interest", interest);
        }
        if (bySearch) {
            query.setParameter("search", Text.containing(search.strip()));
        }
        return query.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
