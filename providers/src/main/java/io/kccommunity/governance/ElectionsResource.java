package io.kccommunity.governance;

import io.kccommunity.circles.CircleTerms;
import io.kccommunity.profile.Directory;
import io.kccommunity.support.Text;
import io.kccommunity.web.Caller;
import io.kccommunity.web.CommunityError;
import io.kccommunity.web.JsonBody;
import io.kccommunity.web.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.keycloak.models.UserModel;

/**
 * {@code /realms/{realm}/community/elections}: members read elections, nominate, accept or decline a
 * nomination, cast and change a secret ballot, check it by receipt, and read certified results and
 * the anonymised ballots. Apps and user admins may read.
 */
public class ElectionsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Caller caller;
    private final Elections elections;

    public ElectionsResource(KeycloakSession session, RealmModel realm, Caller caller) {
        if (caller.reader() == Caller.Reader.USER) {
            throw CommunityError.forbidden("Elections are open to members, apps with view-members and user admins");
        }
        this.session = session;
        this.realm = realm;
        this.caller = caller;
        this.elections = new Elections(session, realm);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ElectionView> list(@QueryParam("first") String first, @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        return elections.list(false, paging.first(), paging.max()).stream().filter(this::mayFollow).map(this::view).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public ElectionView get(@PathParam("id") String id) {
        return view(published(id));
    }

    /** {@code {"userId" or "handle", "statement"}}: nominating oneself accepts at once, with the statement. */
    @POST
    @Path("{id}/candidates")
    @Produces(MediaType.APPLICATION_JSON)
    public Response nominate(@PathParam("id") String id, byte[] body) {
        caller.requireAct();
        ElectionEntity election = published(id);
        Nomination nomination = JsonBody.read(session.getContext().getRequestHeaders(), body, Nomination.class, null);
        UserModel nominee = nominee(nomination);
        new Nominations(session, realm).nominate(election, caller.user(), nominee, nomination.statement());
        return Response.status(Response.Status.CREATED).entity(view(election)).build();
    }

    /** The nominee answers: {@code {"accept": true, "statement": "..."}} or {@code {"accept": false}}. */
    @PUT
    @Path("{id}/candidacy")
    @Produces(MediaType.APPLICATION_JSON)
    public ElectionView answer(@PathParam("id") String id, byte[] body) {
        caller.requireAct();
        ElectionEntity election = published(id);
        Answer answer = JsonBody.read(session.getContext().getRequestHeaders(), body, Answer.class, null);
        if (answer.accept() == null) {
            throw CommunityError.badRequest("invalid_request", "accept (true or false) is required");
        }
        new Nominations(session, realm).answer(election, caller.user(), answer.accept(), answer.statement());
        return view(election);
    }

    /**
     * Casts (201, with a receipt and a new change key) or changes (200, with {@code changeKey} in the
     * body) the caller's ballot.
     */
    @PUT
    @Path("{id}/ballot")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cast(@PathParam("id") String id, byte[] body) {
        caller.requireAct();
        ElectionEntity election = published(id);
        BallotRequest ballot = JsonBody.read(session.getContext().getRequestHeaders(), body, BallotRequest.class, null);
        BallotBox.Cast cast = new BallotBox(session, realm).cast(election, caller.user(), ballot);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("receipt", cast.receipt());
        answer.put("receiptHash", BallotBox.hash(cast.receipt()));
        if (cast.first()) {
            answer.put("changeKey", cast.changeKey());
        }
        answer.put("changed", !cast.first());
        return Response.status(cast.first() ? Response.Status.CREATED : Response.Status.OK).entity(answer).build();
    }

    /** {@code {"receipt": "..."}}: whether that ballot is in the count, and what it says (to its holder). */
    @POST
    @Path("{id}/receipt")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> verify(@PathParam("id") String id, byte[] body) {
        caller.requireAct();
        ElectionEntity election = published(id);
        Receipt request = JsonBody.read(session.getContext().getRequestHeaders(), body, Receipt.class, null);
        Map<String, Object> ballot = new BallotBox(session, realm).verify(election, request.receipt());
        if (ballot == null) {
            throw CommunityError.notFound("receipt_not_found", "No ballot of this election has this receipt");
        }
        return Map.of("included", true, "ballot", ballot);
    }

    @GET
    @Path("{id}/results")
    @Produces(MediaType.APPLICATION_JSON)
    public ElectionView.Results results(@PathParam("id") String id) {
        return ElectionView.results(elections, new Certification(session, realm), certified(id));
    }

    /** The anonymised ballots in BLT, to recount with {@code java -jar keycloak-community.jar tally}. */
    @GET
    @Path("{id}/ballots")
    @Produces("text/plain; charset=utf-8")
    public Response ballots(@PathParam("id") String id) {
        ElectionEntity election = certified(id);
        return Response.ok(new Certification(session, realm).blt(election))
                .header("Content-Disposition", "attachment; filename=\"election-" + election.getId() + ".blt\"").build();
    }

    public record Nomination(String userId, String handle, String statement) {
    }

    public record Answer(Boolean accept, String statement) {
    }

    public record Receipt(String receipt) {
    }

    private ElectionEntity published(String id) {
        ElectionEntity election = elections.current(elections.require(id));
        if ("draft".equals(election.getPhase()) || !mayFollow(election)) {
            throw CommunityError.notFound("election_not_found", "No election with this id");
        }
        return election;
    }

    /** A secret circle's elections exist only for its members. */
    private boolean mayFollow(ElectionEntity election) {
        return election.getCircleId() == null || CircleTerms.mayFollow(session, election.getCircleId(), caller.user());
    }

    private ElectionEntity certified(String id) {
        ElectionEntity election = published(id);
        if (!"certified".equals(election.getPhase())) {
            throw CommunityError.conflict("not_certified", "Results are published once the election is certified");
        }
        return election;
    }

    private UserModel nominee(Nomination nomination) {
        if ((nomination.userId() == null) == (nomination.handle() == null)) {
            throw CommunityError.badRequest("invalid_request", "Name the nominee by exactly one of userId and handle");
        }
        UserModel user = nomination.userId() != null
                ? (Text.isId(nomination.userId(), 36) ? session.users().getUserById(realm, nomination.userId()) : null)
                : Directory.holder(session, realm, nomination.handle());
        if (user == null) {
            throw CommunityError.badRequest("invalid_nominee", "Unknown member");
        }
        return user;
    }

    private ElectionView view(ElectionEntity election) {
        return ElectionView.of(session, realm, elections, election, caller.user(), false);
    }
}
