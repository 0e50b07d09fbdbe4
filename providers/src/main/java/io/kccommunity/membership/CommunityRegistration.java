package io.kccommunity.membership;

import io.kccommunity.setup.CommunityConfig;
import io.kccommunity.setup.CommunitySettings;
import io.kccommunity.setup.JoinPolicy;
import io.kccommunity.support.StatelessFactory;
import io.kccommunity.web.CommunityError;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormActionFactory;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The registration form's "join the community" box: offered when the community is open to requests
 * (not invitation only), with the code of conduct's version; ticking it joins the new user, which
 * accepts that version (under the approval policy the request waits for an admin). The community
 * login theme renders the box; enabling the community adds this step to the realm's registration form.
 */
public class CommunityRegistration extends StatelessFactory<FormAction> implements FormAction, FormActionFactory {

    public static final String ID = "community-registration";
    static final String FIELD = "communityJoin";
    private static final Logger LOG = Logger.getLogger(CommunityRegistration.class);

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
        CommunityConfig config = CommunitySettings.read(context.getRealm());
        if (!offered(config)) {
            return;
        }
        form.setAttribute("communityJoinOffered", true);
        form.setAttribute("communityName", CommunitySettings.displayName(context.getRealm()));
        if (config.requiresCodeOfConduct()) {
            form.setAttribute("communityCodeOfConductVersion", config.codeOfConductVersion());
            if (config.codeOfConductUrl() != null) {
                form.setAttribute("communityCodeOfConductUrl", config.codeOfConductUrl());
            }
        }
    }

    @Override
    public void validate(ValidationContext context) {
        context.success();
    }

    @Override
    public void success(FormContext context) {
        RealmModel realm = context.getRealm();
        CommunityConfig config = CommunitySettings.read(realm);
        UserModel user = context.getUser();
        boolean ticked = "on".equals(context.getHttpRequest().getDecodedFormParameters().getFirst(FIELD));
        if (!ticked || user == null || !offered(config)) {
            return;
        }
        try {
            new Memberships(context.getSession(), realm, config).join(user, config.codeOfConductVersion());
        } catch (CommunityError refused) {
            LOG.debugf("A new user of realm %s could not join: %s", realm.getName(), refused.getMessage());
        }
    }

    private static boolean offered(CommunityConfig config) {
        return config.enabled() && config.joinPolicy() != JoinPolicy.INVITE;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public FormAction create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Community: offer to join";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "Shows a 'join the community' box on the registration form (community login theme) and joins the new user when ticked";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
