package io.kccommunity.profile;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileAttributeValidationContext;
import org.keycloak.validate.AbstractStringValidator;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

/**
 * User-profile validator {@value #ID}: refuses reserved handles and handles another user of the realm
 * holds. Its messages are keys of our message bundles, shown in the member's language.
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
        UserModel user = UserProfileAttributeValidationContext.from(context).getAttributeContext().getUser();
        if (realm != null && !Handles.claim(session, realm.getId(), user == null ? null : user.getId(), value)) {
            context.addError(new ValidationError(ID, inputHint, TAKEN));
        }
    }

    @Override
    protected boolean skipValidation(Object value, ValidatorConfig config) {
        return value == null || (value instanceof String s && s.isEmpty());
    }
}
