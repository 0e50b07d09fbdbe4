package io.kccommunity.web;

import io.kccommunity.advocacy.Advocacy;
import io.kccommunity.advocacy.Holders;
import io.kccommunity.advocacy.RoleViews;
import io.kccommunity.circles.CirclesResource;
import io.kccommunity.governance.ElectionsResource;
import io.kccommunity.membership.MemberEntity;
import io.kccommunity.membership.MembershipResource;
import io.kccommunity.membership.MembershipView;
import io.kccommunity.membership.Memberships;
import io.kccommunity.profile.CommunityProfile;
import io.kccommunity.profile.ProfileResource;
import io.kccommunity.reputation.EventView;
import io.kccommunity.reputation.History;
import io.kccommunity.reputation.Leaderboard;
import io.kccommunity.reputation.ReputationResource;
import io.kccommunity.reputation.ReputationSummary;
import io.kccommunity.setup.CommunityConfig;
import io.kccommunity.setup.CommunitySettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.cors.Cors;

/**
 * {@code /realms/{realm}/community}: the API members and apps call with a bearer token. Every path
 * authenticates the caller first (but the public profiles and the API's own document), then answers
 * 404 when the realm has no community.
 */
public class CommunityRealmResource {

    private final KeycloakSession session;

    public CommunityRealmResource(KeycloakSession session) {
        IncomingRequest.check(session);
        this.session = session;
    }

    @OPTIONS
    @Path("{any:.*}")
    public Response preflight() {
        return new Preflight().preflight();
    }

    /** The API's OpenAPI document: no token needed, and any origin may read it, since it holds no data. */
    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openApi() {
        Cors.builder().allowedMethods("GET").allowAllOrigins().add();
        enabledConfig();
        return Response.ok(OpenApiDocument.bytes(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> me() {
        Caller caller = Caller.authenticate(session);
        CommunityConfig config = enabledConfig();
        caller.requireRead();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("userId", caller.user().getId());
        MemberEntity member = memberships(config).find(caller.user());
        me.put("membership", MembershipView.of(member));
        me.put("profile", CommunityProfile.of(caller.user()).summary());
        me.put("reputation", ReputationSummary.of(session, realm(), caller.user(), member, caller.user()));
        RoleViews.Standing standing = RoleViews.standing(new Advocacy(session, realm()), caller.user(), member);
        me.put("roles", standing.roles());
        me.put("progress", standing.progress());
        me.put("community", config.forMembers());
        return me;
    }

    @Path("membership")
    public Object membership() {
        if (Preflight.isPreflight(session)) {
            return new Preflight();
        }
        Caller caller = Caller.authenticate(session);
        return new MembershipResource(session, caller, memberships(enabledConfig()));
    }

    /** Profiles and the directory; a public profile may be read without a token. */
    @Path("members")
    public Object members() {
        if (Preflight.isPreflight(session)) {
            return new Preflight();
        }
        enabledConfig();
        return new ProfileResource(session, realm());
    }

    /** The caller's own reputation history, newest first. */
    @GET
    @Path("me/reputation")
    @Produces(MediaType.APPLICATION_JSON)
    public List<EventView> myHistory(@QueryParam("first") String first, @QueryParam("max") String max) {
        Caller caller = Caller.authenticate(session);
        enabledConfig();
        caller.requireRead();
        return History.page(session, realm(), caller.user(), Paging.of(first, max), caller.user());
    }

    /** Apps award and reverse points (service accounts with our client role). */
    @Path("reputation")
    public Object reputation() {
        if (Preflight.isPreflight(session)) {
            return new Preflight();
        }
        Caller caller = Caller.authenticate(session);
        enabledConfig();
        return new ReputationResource(session, realm(), caller);
    }

    /** {@code ?period=week|month|all&first=&max=}: for members, apps and user admins. */
    @GET
    @Path("leaderboard")
    @Produces(MediaType.APPLICATION_JSON)
    public Leaderboard.Page leaderboard(@QueryParam("period") String period, @QueryParam("first") String first,
                                        @QueryParam("max") String max) {
        Caller caller = Caller.authenticate(session);
        enabledConfig();
        Caller.Reader reader = caller.reader();
        if (reader == Caller.Reader.USER) {
            throw CommunityError.forbidden("The leaderboard is open to members, apps with view-members and user admins");
        }
        return Leaderboard.read(session, realm(), Leaderboard.period(period), Paging.of(first, max), caller.user(),
                reader == Caller.Reader.USER_ADMIN);
    }

    /** Elections and referendums: members read, nominate and vote; apps and user admins read. */
    @Path("elections")
    public Object elections() {
        if (Preflight.isPreflight(session)) {
            return new Preflight();
        }
        Caller caller = Caller.authenticate(session);
        enabledConfig();
        return new ElectionsResource(session, realm(), caller);
    }

    /** Circles: public ones may be browsed without a token. */
    @Path("circles")
    public Object circles() {
        if (Preflight.isPreflight(session)) {
            return new Preflight();
        }
        enabledConfig();
        return new CirclesResource(session, realm());
    }

    /** Holders of an advocate role, for apps, user admins and (for listed roles) members. */
    @GET
    @Path("roles/{role}/members")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Holders.Holder> roleHolders(@PathParam("role") String role, @QueryParam("first") String first,
                                            @QueryParam("max") String max) {
        Caller caller = Caller.authenticate(session);
        enabledConfig();
        return Holders.page(session, realm(), caller, role, Paging.of(first, max));
    }

    private CommunityConfig enabledConfig() {
        CommunityConfig config = CommunitySettings.read(realm());
        if (!config.enabled()) {
            throw CommunityError.communityNotEnabled();
        }
        return config;
    }

    private Memberships memberships(CommunityConfig config) {
        return new Memberships(session, realm(), config);
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }
}
