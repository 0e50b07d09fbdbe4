package io.kccommunity.tokens;

import io.kccommunity.advocacy.AdvocacyRules;
import io.kccommunity.circles.CircleClaims;
import io.kccommunity.membership.Memberships;
import io.kccommunity.reputation.Badges;
import io.kccommunity.reputation.ReputationSummary;
import io.kccommunity.setup.CommunitySettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Adds the {@code community} claim: {@code {"member": true, "since": "...", "handle": "..."}} for members and
 * {@code {"member": false}} for everyone else. No claim at all when the realm's community is disabled.
 * Each part of the claim is a switch in the mapper's config. It reads only user attributes (the
 * ledger mirrors total and badges into them) and the realm's cached rules (for the level), which
 * Keycloak caches cluster-wide: issuing a token costs no database read of ours.
 */
public class CommunityClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "community-claim-mapper";
    public static final String CLAIM = "community";
    public static final String INCLUDE_SINCE = "community.since";
    public static final String INCLUDE_HANDLE = "community.handle";
    public static final String INCLUDE_DISPLAY_NAME = "community.displayName";
    public static final String INCLUDE_REPUTATION = "community.reputation";
    public static final String INCLUDE_LEVEL = "community.level";
    public static final String INCLUDE_BADGES = "community.badges";
    public static final String INCLUDE_ROLES = "community.roles";
    public static final String INCLUDE_CIRCLES = "community.circles";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty since = new ProviderConfigProperty(INCLUDE_SINCE, "Include 'since'",
                "Add the time the user became a member (ISO-8601) as 'since'.", ProviderConfigProperty.BOOLEAN_TYPE, "true");
        CONFIG.add(since);
        CONFIG.add(new ProviderConfigProperty(INCLUDE_HANDLE, "Include 'handle'",
                "Add the member's community handle as 'handle'.", ProviderConfigProperty.BOOLEAN_TYPE, "true"));
        CONFIG.add(new ProviderConfigProperty(INCLUDE_DISPLAY_NAME, "Include 'displayName'",
                "Add the member's community display name as 'displayName'.", ProviderConfigProperty.BOOLEAN_TYPE, "false"));
        CONFIG.add(new ProviderConfigProperty(INCLUDE_REPUTATION, "Include 'reputation'",
                "Add the member's reputation total as 'reputation'.", ProviderConfigProperty.BOOLEAN_TYPE, "true"));
        CONFIG.add(new ProviderConfigProperty(INCLUDE_LEVEL, "Include 'level'",
                "Add the name of the member's reputation level as 'level'.", ProviderConfigProperty.BOOLEAN_TYPE, "true"));
        CONFIG.add(new ProviderConfigProperty(INCLUDE_BADGES, "Include 'badges'",
                "Add the ids of the member's badges as 'badges'.", ProviderConfigProperty.BOOLEAN_TYPE, "true"));
        CONFIG.add(new ProviderConfigProperty(INCLUDE_ROLES, "Include 'roles'",
                "Add the short names of the member's advocate roles (advocate, guru, ...) as 'roles'.",
                ProviderConfigProperty.BOOLEAN_TYPE, "true"));
        CONFIG.add(new ProviderConfigProperty(INCLUDE_CIRCLES, "Include 'circles'",
                "Add the member's circles as 'circles': [{slug, role}], at most " + CircleClaims.MAX + ", oldest membership first.",
                ProviderConfigProperty.BOOLEAN_TYPE, "true"));
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, CommunityClaimMapper.class);
    }

    /** A mapper model with every token type and every part switched on. */
    public static ProtocolMapperModel create(String name) {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setName(name);
        model.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        model.setProtocolMapper(PROVIDER_ID);
        Map<String, String> config = new HashMap<>();
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true");
        config.put(INCLUDE_SINCE, "true");
        config.put(INCLUDE_HANDLE, "true");
        config.put(INCLUDE_DISPLAY_NAME, "false");
        config.put(INCLUDE_REPUTATION, "true");
        config.put(INCLUDE_LEVEL, "true");
        config.put(INCLUDE_BADGES, "true");
        config.put(INCLUDE_ROLES, "true");
        config.put(INCLUDE_CIRCLES, "true");
        model.setConfig(config);
        return model;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Community claim";
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getHelpText() {
        return "Adds the 'community' claim: membership and, as later parts land, handle, level, reputation, roles and badges.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        RealmModel realm = userSession.getRealm();
        if (!CommunitySettings.isEnabled(realm)) {
            return;
        }
        UserModel user = userSession.getUser();
        String since = user.getFirstAttribute(Memberships.MEMBER_SINCE);
        Map<String, Object> claim = new LinkedHashMap<>();
        // membership from the role mapping the product keeps in step (no user can set it), not from an attribute
        boolean active = Memberships.isActive(realm, user);
        claim.put("member", active);
        if (active) {
            if (isOn(mappingModel, INCLUDE_SINCE, true)) {
                claim.put("since", since);
            }
            putIfSet(claim, "handle", isOn(mappingModel, INCLUDE_HANDLE, true) ? user.getFirstAttribute("handle") : null);
            putIfSet(claim, "displayName",
                    isOn(mappingModel, INCLUDE_DISPLAY_NAME, false) ? user.getFirstAttribute("displayName") : null);
            int reputation = ReputationSummary.mirroredTotal(user);
            if (isOn(mappingModel, INCLUDE_REPUTATION, true)) {
                claim.put("reputation", reputation);
            }
            if (isOn(mappingModel, INCLUDE_LEVEL, true)) {
                claim.put("level", ReputationSummary.levelOf(realm, reputation));
            }
            if (isOn(mappingModel, INCLUDE_BADGES, true)) {
                claim.put("badges", user.getAttributeStream(Badges.ATTRIBUTE).sorted().toList());
            }
            if (isOn(mappingModel, INCLUDE_ROLES, true)) {
                claim.put("roles", advocateRoles(realm, user));
            }
            if (isOn(mappingModel, INCLUDE_CIRCLES, true)) {
                claim.put("circles", CircleClaims.of(user));
            }
        }
        token.getOtherClaims().put(CLAIM, claim);
    }

    /** Short names of the advocate roles whose realm role the user holds (role mappings are cached). */
    private static List<String> advocateRoles(RealmModel realm, UserModel user) {
        List<String> held = new ArrayList<>();
        AdvocacyRules.read(realm).roles().forEach((name, rule) -> {
            RoleModel role = realm.getRole(rule.realmRole());
            if (role != null && user.hasRole(role)) {
                held.add(name);
            }
        });
        return held;
    }

    private static boolean isOn(ProtocolMapperModel model, String key, boolean byDefault) {
        String value = model.getConfig().get(key);
        return value == null ? byDefault : Boolean.parseBoolean(value);
    }

    private static void putIfSet(Map<String, Object> claim, String name, String value) {
        if (value != null && !value.isBlank()) {
            claim.put(name, value);
        }
    }
}
