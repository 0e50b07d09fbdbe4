package io.kccommunity.membership;

import io.kccommunity.setup.CommunityConfig;
import io.kccommunity.setup.CommunitySettings;
import io.kccommunity.support.CommunityRequiredAction;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.UserModel;

/**
 * Required action "Accept community code of conduct": when the realm's code of conduct moves to a
 * version a member has not accepted, their next interactive login shows it (version and link) and
 * asks them to accept it or to leave the community. Direct grants never trigger it.
 */
public class CodeOfConductAction extends CommunityRequiredAction {

    public static final String ID = "community-code-of-conduct";
    static final String TEMPLATE = "community-code-of-conduct.ftl";

    public CodeOfConductAction() {
        super(ID, "Accept community code of conduct");
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        CommunityConfig config = CommunitySettings.read(context.getRealm());
        UserModel user = context.getUser();
        if (!config.enabled() || !config.requiresCodeOfConduct() || !Memberships.isActive(context.getRealm(), user)
                || !isInteractive(context)) {
            return;
        }
        Memberships memberships = new Memberships(context.getSession(), context.getRealm(), config);
        if (Memberships.owesCodeOfConduct(memberships.find(user), config)) {
            user.addRequiredAction(ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        CommunityConfig config = CommunitySettings.read(context.getRealm());
        context.challenge(context.form()
                .setAttribute("codeOfConductVersion", config.codeOfConductVersion())
                .setAttribute("codeOfConductUrl", config.codeOfConductUrl())
                .createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        CommunityConfig config = CommunitySettings.read(context.getRealm());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        Memberships memberships = new Memberships(context.getSession(), context.getRealm(), config);
        UserModel user = context.getUser();
        if (form.containsKey("leave")) {
            memberships.leave(user);
        } else if (form.containsKey("accept") && config.requiresCodeOfConduct()) {
            memberships.acceptCodeOfConduct(user);
        } else {
            requiredActionChallenge(context);
            return;
        }
        user.removeRequiredAction(ID);
        context.success();
    }
}
