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
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.userprofile.UserProfile;
import org.keycloak.userprofile.UserProfileContext;
import org.keycloak.userprofile.UserProfileProvider;
import org.keycloak.userprofile.ValidationException;

/**
 * Required action "Complete your community profile": when an active member without a handle signs in,
 * they are asked to choose one (not when an open session is re-used: see {@link #signsIn}). Admins
 * switch it on or off like any required action (Authentication → Required actions); the handle goes
 * through the user profile, so every profile rule applies. Where the realm allows it
 * ({@code profileCompletionPostponable}), "Not now" lets this login go on; the next one asks again.
 */
public class CompleteProfileAction extends CommunityRequiredAction {

    public static final String ID = "community-complete-profile";
    static final String TEMPLATE = "community-complete-profile.ftl";
    static final String HANDLE = "handle";
    /** The form field of the "Not now" button. */
    static final String POSTPONE = "postpone";
    /** Authentication-session note: the member chose "Not now" in this login. */
    static final String POSTPONED = "community.profile.postponed";

    public CompleteProfileAction() {
        super(ID, "Complete community profile");
    }

    /**
     * Asks in this login only (the authentication session's actions), so nothing is left on the user:
     * an unanswered form never blocks the member's other logins, and each login decides afresh.
     */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (!CommunitySettings.isEnabled(context.getRealm()) || hasHandle(user) || !signsIn(context) || isPostponed(context)) {
            return;
        }
        if (Memberships.isActive(context.getRealm(), user)) {
            context.getAuthenticationSession().addRequiredAction(ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (hasHandle(context.getUser())) {
            context.success();
        } else if (!signsIn(context) || isPostponed(context)) {
            context.ignore();
        } else {
            context.challenge(form(context, null, List.of()));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(POSTPONE) && isPostponable(context)) {
            postpone(context);
            return;
        }
        // without the realm's permission a "Not now" is a form without a handle, answered as such
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

    /**
     * Keycloak's way for a user to decline an action ({@code cancel}: the event
     * {@code CUSTOM_REQUIRED_ACTION_ERROR} with {@code rejected_by_user}, then the login goes on). An
     * admin's assignment on the user is removed too: the next login asks again, through the trigger.
     */
    private static void postpone(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(POSTPONED, "true");
        authSession.removeRequiredAction(ID);
        context.getUser().removeRequiredAction(ID);
        context.cancel();
    }

    private static boolean isPostponable(RequiredActionContext context) {
        return CommunitySettings.read(context.getRealm()).profileCompletionPostponable();
    }

    private static boolean isPostponed(RequiredActionContext context) {
        return "true".equals(context.getAuthenticationSession().getAuthNote(POSTPONED));
    }

    private static Response form(RequiredActionContext context, String handle, List<FormMessage> errors) {
        var form = context.form();
        if (!errors.isEmpty()) {
            form.setErrors(errors);
        }
        if (handle != null) {
            form.setAttribute(HANDLE, handle);
        }
        form.setAttribute("postponable", isPostponable(context));
        return form.createForm(TEMPLATE);
    }

    private static boolean hasHandle(UserModel user) {
        String handle = user.getFirstAttribute(HANDLE);
        return handle != null && !handle.isBlank();
    }
}
