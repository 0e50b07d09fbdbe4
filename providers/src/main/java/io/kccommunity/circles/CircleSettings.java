package io.kccommunity.circles;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kccommunity.support.RealmJson;
import io.kccommunity.web.CommunityError;
import org.keycloak.models.RealmModel;

/**
 * Who may found organic circles, and whether admins approve them first: kept as the realm attribute
 * {@value #ATTRIBUTE}. Fields left out of a {@code PUT} keep their value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CircleSettings(Integer foundingMinReputation, Integer maxFoundedPerMember, Boolean approveOrganic,
                             Integer maxMembersPerCircle) {

    static final String ATTRIBUTE = "community.circles";
    static final CircleSettings DEFAULTS = new CircleSettings(50, 3, false, null);

    public static CircleSettings read(RealmModel realm) {
        return RealmJson.readShared(realm, ATTRIBUTE, CircleSettings.class, stored -> stored == null ? DEFAULTS
                : DEFAULTS.with(stored));
    }

    /** These settings with the fields {@code update} gives. */
    CircleSettings with(CircleSettings update) {
        return new CircleSettings(
                update.foundingMinReputation != null ? update.foundingMinReputation : foundingMinReputation,
                update.maxFoundedPerMember != null ? update.maxFoundedPerMember : maxFoundedPerMember,
                update.approveOrganic != null ? update.approveOrganic : approveOrganic,
                update.maxMembersPerCircle != null ? (update.maxMembersPerCircle == 0 ? null : update.maxMembersPerCircle)
                        : maxMembersPerCircle);
    }

    CircleSettings checked() {
        if (foundingMinReputation != null && (foundingMinReputation < 0 || foundingMinReputation > 1_000_000_000)) {
            throw invalid("foundingMinReputation must be 0 to 1000000000");
        }
        if (maxFoundedPerMember != null && (maxFoundedPerMember < 0 || maxFoundedPerMember > 100)) {
            throw invalid("maxFoundedPerMember must be 0 (nobody founds) to 100");
        }
        if (maxMembersPerCircle != null && (maxMembersPerCircle < 0 || maxMembersPerCircle > 10_000_000)) {
            throw invalid("maxMembersPerCircle must be 1 to 10000000, or 0 for no limit");
        }
        return this;
    }

    void write(RealmModel realm) {
        RealmJson.write(realm, ATTRIBUTE, this);
    }

    private static CommunityError invalid(String description) {
        return CommunityError.badRequest("invalid_circle_settings", description);
    }
}
