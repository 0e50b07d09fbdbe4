package io.kccommunity.setup;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;

/** Registers our required actions in a realm, enabled; admins switch them off under Authentication. */
public final class RequiredActions {

    private RequiredActions() {
    }

    /** Returns true when the action was not registered yet. */
    public static boolean register(RealmModel realm, String id, String name, int priority) {
        if (realm.getRequiredActionProviderByAlias(id) != null) {
            return false;
        }
        RequiredActionProviderModel model = new RequiredActionProviderModel();
        model.setAlias(id);
        model.setProviderId(id);
        model.setName(name);
        model.setEnabled(true);
        model.setDefaultAction(false);
        model.setPriority(priority);
        realm.addRequiredActionProvider(model);
        return true;
    }
}
