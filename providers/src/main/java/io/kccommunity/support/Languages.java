package io.kccommunity.support;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The languages a reader wants names in, most wanted first: the request's {@code Accept-Language}
 * (which the Account Console and browsers send), then the user's {@code locale} attribute, then the
 * realm's default locale, then English. The id of the item is the last resort of whoever resolves.
 */
public final class Languages {

    public static final String FALLBACK = "en";

    private Languages() {
    }

    /** For the caller of this request about {@code realm} ({@code user}: the reader of that realm, or null). */
    public static List<String> of(KeycloakSession session, RealmModel realm, UserModel user) {
        return chain(accepted(session), user == null ? null : user.getFirstAttribute(UserModel.LOCALE),
                realm.getDefaultLocale());
    }

    /** The order itself, pure; tags that are not language tags (such as {@code *}) are skipped. */
    public static List<String> chain(List<String> accepted, String userLocale, String realmDefault) {
        Set<String> chain = new LinkedHashSet<>();
        for (String tag : accepted) {
            add(chain, tag);
        }
        add(chain, userLocale);
        add(chain, realmDefault);
        chain.add(FALLBACK);
        return List.copyOf(chain);
    }

    private static void add(Set<String> chain, String tag) {
        if (tag != null && LocalizedNames.isLanguageTag(tag.strip())) {
            chain.add(tag.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** The request's languages by quality; none when there is no request or the header cannot be read. */
    private static List<String> accepted(KeycloakSession session) {
        List<String> tags = new ArrayList<>();
        try {
            if (session.getContext().getRequestHeaders() != null) {
                for (Locale locale : session.getContext().getRequestHeaders().getAcceptableLanguages()) {
                    tags.add(locale.toLanguageTag());
                }
            }
        } catch (RuntimeException unreadable) {
            // a malformed Accept-Language header or no request at all: as if none was sent
        }
        return tags;
    }
}
