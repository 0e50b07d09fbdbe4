package io.kccommunity.profile;

import io.kccommunity.membership.Memberships;
import io.kccommunity.setup.CommunitySettings;
import io.kccommunity.support.StatelessFactory;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.validation.Validation;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Required action "Complete your community profile": at login, an active member without a handle
 * is asked to choose one. Admins switch it on or off like any required action (Authentication →
 * Required actions); the handle goes through the user profile, so every profile rule applies.
 */
public class CompleteProfileAction extends StatelessFactory<RequiredActionProvider>
        implements RequiredActionProvider, RequiredActionFactory {

    public static final String ID = "community-complete-profile";
    static final String TEMPLATE = "community-complete-profile.ftl";
    static final String HANDLE = "handle";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (!CommunitySettings.isEnabled(context.getRealm()) || hasHandle(user) || isTokenEndpoint(context)) {
            return;
        }
        if (user.getFirstAttribute(Memberships.MEMBER_SINCE) != null) {
            user.addRequiredAction(ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(form(context, null, List.of()));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String handle = form.getFirst(HANDLE) == null ? "" : form.getFirst(HANDLE).strip();
        if (handle.isEmpty()) {
            context.challenge(form(context, handle, List.of(new FormMessage(HANDLE, "communityHandleRequired"))));
            return;
        }
        UserModel user = context.getUser();
        Map<String, List<String>> attributes = new HashMap<>(user.getAttributes());
        attributes.put(HANDLE, List.of(handle));
        UserProfile profile = context.getSession().getProvider(UserProfileProvider.class)
                .create(UserProfileContext.UPDATE_PROFILE, attributes, user);
        try {
            profile.update(false);
        } catch (ValidationException e) {
            List<FormMessage> errors = new ArrayList<>(Validation.getFormErrorsFromValidation(e.getErrors()));
            context.challenge(form(context, handle, errors));
            return;
        }
        user.removeRequiredAction(ID);
        context.success();
    }

    private static Response form(RequiredActionContext context, String handle, List<FormMessage> errors) {
        var form = context.form();
        if (!errors.isEmpty()) {
            form.setErrors(errors);
        }
        if (handle != null) {
            form.setAttribute(HANDLE, handle);
        }
        return form.createForm(TEMPLATE);
    }

    /**
     * Direct grants cannot show a form, and Keycloak refuses them while a required action is pending:
     * the member is asked at their next interactive login instead.
     */
    private static boolean isTokenEndpoint(RequiredActionContext context) {
        return context.getUriInfo().getPath().endsWith("/protocol/openid-connect/token");
    }

    private static boolean hasHandle(UserModel user) {
        String handle = user.getFirstAttribute(HANDLE);
        return handle != null && !handle.isBlank();
    }

    @Override
    public String getDisplayText() {
        return "Complete community profile";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return ID;
    }
}
