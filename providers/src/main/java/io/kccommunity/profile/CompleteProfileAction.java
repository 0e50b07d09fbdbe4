package io.kccommunity.profile;

import io.kccommunity.membership.Memberships;
import io.kccommunity.setup.CommunitySettings;
import io.kccommunity.support.CommunityRequiredAction;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.authentication.RequiredActionContext;
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
public class CompleteProfileAction extends CommunityRequiredAction {

    public static final String ID = "community-complete-profile";
    static final String TEMPLATE = "community-complete-profile.ftl";
    static final String HANDLE = "handle";

    public CompleteProfileAction() {
        super(ID, "Complete community profile");
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (!CommunitySettings.isEnabled(context.getRealm()) || hasHandle(user) || !isInteractive(context)) {
            return;
        }
        if (Memberships.isActive(context.getRealm(), user)) {
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

    private static boolean hasHandle(UserModel user) {
        String handle = user.getFirstAttribute(HANDLE);
        return handle != null && !handle.isBlank();
    }
}
