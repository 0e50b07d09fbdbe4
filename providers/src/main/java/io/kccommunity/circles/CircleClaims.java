package io.kccommunity.circles;

import io.kccommunity.support.Writes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A member's circles and roles, mirrored into the user attribute {@value #ATTRIBUTE} as
 * {@code slug:role} values (the first {@value #MAX} by membership age) in the transaction of every
 * change: tokens carry them with no read of our tables, as they carry the reputation.
 */
public final class CircleClaims {

    public static final String ATTRIBUTE = "circles";
    public static final int MAX = 50;

    private CircleClaims() {
    }

    static void mirror(KeycloakSession session, RealmModel realm, UserModel user) {
        List<String> values = new CircleStore(session).activeOf(realm.getId(), user.getId()).stream().limit(MAX)
                .map(row -> row[0] + ":" + row[1]).toList();
        Writes.guarded("The member's circles", () -> {
            if (values.isEmpty()) {
                if (user.getFirstAttribute(ATTRIBUTE) != null) {
                    user.removeAttribute(ATTRIBUTE);
                }
            } else if (!values.equals(user.getAttributeStream(ATTRIBUTE).toList())) {
                user.setAttribute(ATTRIBUTE, values);
            }
        });
    }

    /** The claim's list from the attribute: {@code [{"slug", "role"}]}. */
    public static List<Map<String, String>> of(UserModel user) {
        return user.getAttributeStream(ATTRIBUTE).limit(MAX).map(value -> {
            int colon = value.lastIndexOf(':');
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("slug", colon < 0 ? value : value.substring(0, colon));
            entry.put("role", colon < 0 ? CircleRoles.MEMBER : value.substring(colon + 1));
            return entry;
        }).toList();
    }
}
