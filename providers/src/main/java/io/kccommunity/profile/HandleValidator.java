package io.kccommunity.profile;

import java.util.Collection;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.AttributeContext;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@value #ID}: refuses reserved handles and handles another user of the realm
 * holds, and reserves the handle in the registry for the user being saved ({@link HandleClaims}), so
 * every path through the user profile (registration, admin console and REST, Account Console and
 * REST, required actions) claims under the registry's unique key. Its messages are keys of our
 * message bundles, shown in the member's language.
 */
public class HandleValidator extends AbstractStringValidator {

    public static final String ID = "community-handle";
    static final String TAKEN = "communityHandleTaken";
    static final String RESERVED = "communityHandleReserved";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ValidationContext validate(Object input, String inputHint, ValidationContext context, ValidatorConfig config) {
        UserModel user = attributes(context).getUser();
        RealmModel realm = context.getSession().getContext().getRealm();
        if (isEmpty(input) && user != null && realm != null && user.getFirstAttribute(Handles.ATTRIBUTE) != null) {
            // the save may clear the handle: if it does, the registry releases it in the same transaction
            HandleClaims.settleOnCommit(context.getSession(), realm, user.getId());
        }
        return super.validate(input, inputHint, context, config);
    }

    @Override
    protected void doValidate(String value, String inputHint, ValidationContext context, ValidatorConfig config) {
        if (!Handles.isWellFormed(value)) {
            return; // the length and pattern validators of the attribute report it
        }
        if (Handles.isReserved(value)) {
            context.addError(new ValidationError(ID, inputHint, RESERVED));
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = session.getContext().getRealm();
        AttributeContext attributes = attributes(context);
        if (realm != null && !HandleClaims.of(session).reserve(realm, attributes.getUser(),
                attributes.getAttributes().getFirst(UserModel.USERNAME), value)) {
            context.addError(new ValidationError(ID, inputHint, TAKEN));
        }
    }

    @Override
    protected boolean skipValidation(Object value, ValidatorConfig config) {
        return value == null || (value instanceof String s && s.isEmpty());
    }

    private static AttributeContext attributes(ValidationContext context) {
        return UserProfileAttributeValidationContext.from(context).getAttributeContext();
    }

    private static boolean isEmpty(Object input) {
        if (input instanceof Collection<?> values) {
            return values.stream().allMatch(v -> v == null || v.toString().isBlank());
        }
        return input == null || input.toString().isBlank();
    }
}
