package io.kccommunity.setup;

import io.kccommunity.membership.CommunityRegistration;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/**
 * Adds the "join the community" step to the form of the realm's registration flow, once; an admin
 * may disable or remove it under Authentication like any other step, and it is not added again.
 */
final class RegistrationStep {

    static final String MARKER = "community.registrationStepInstalled";

    private RegistrationStep() {
    }

    /** Returns true when the step was added. */
    static boolean install(RealmModel realm) {
        AuthenticationFlowModel registration = realm.getRegistrationFlow();
        if (registration == null || realm.getAttribute(MARKER) != null) {
            return false;
        }
        AuthenticationExecutionModel form = realm.getAuthenticationExecutionsStream(registration.getId())
                .filter(AuthenticationExecutionModel::isAuthenticatorFlow)
                .filter(e -> "registration-page-form".equals(e.getAuthenticator()))
                .findFirst().orElse(null);
        if (form == null) {
            return false;
        }
        boolean present = realm.getAuthenticationExecutionsStream(form.getFlowId())
                .anyMatch(e -> CommunityRegistration.ID.equals(e.getAuthenticator()));
        if (!present) {
            AuthenticationExecutionModel step = new AuthenticationExecutionModel();
            step.setParentFlow(form.getFlowId());
            step.setAuthenticator(CommunityRegistration.ID);
            step.setRequirement(AuthenticationExecutionModel.Requirement.REQUIRED);
            step.setAuthenticatorFlow(false);
            step.setPriority(realm.getAuthenticationExecutionsStream(form.getFlowId())
                    .mapToInt(AuthenticationExecutionModel::getPriority).max().orElse(0) + 10);
            realm.addAuthenticatorExecution(step);
        }
        realm.setAttribute(MARKER, "true");
        return true;
    }
}
