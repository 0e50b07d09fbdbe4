package io.kccommunity.support;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AuthenticationManager;

/** Base of our required actions: stateless, one instance serving as provider and factory. */
public abstract class CommunityRequiredAction extends StatelessFactory<RequiredActionProvider>
        implements RequiredActionProvider, RequiredActionFactory {

    private final String id;
    private final String displayText;

    protected CommunityRequiredAction(String id, String displayText) {
        this.id = id;
        this.displayText = displayText;
    }

    /**
     * Direct grants cannot show a form, and Keycloak refuses them while a required action is pending:
     * our actions trigger only in interactive logins, so members are asked at their next one.
     */
    protected static boolean isInteractive(RequiredActionContext context) {
        return !context.getUriInfo().getPath().endsWith("/protocol/openid-connect/token");
    }

    /**
     * True when the user signs in now, false also when Keycloak re-uses an open session through its
     * cookie ({@code SSO_AUTH}, set by Keycloak's cookie authenticator): the Account Console and apps
     * re-authenticate so on every reload, which is no moment for a full-page form.
     */
    protected static boolean signsIn(RequiredActionContext context) {
        return isInteractive(context)
                && !"true".equals(context.getAuthenticationSession().getAuthNote(AuthenticationManager.SSO_AUTH));
    }

    @Override
    public String getDisplayText() {
        return displayText;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return id;
    }
}
