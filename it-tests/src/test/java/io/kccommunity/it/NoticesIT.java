package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The community's emails, sent by Keycloak's own email sender to a real SMTP server (a local sink), in
 * each member's language: membership approved, nominated (with the link to accept), elected, promoted,
 * and term ending soon (once per term). Member- and admin-typed text is escaped in the HTML part.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesIT {

    static final String COMMUNITY = "Rye Bakers";
    static final String TITLE = "Board <b>2027</b>";

    private Api api;
    private TestRealm realm;
    private SmtpSink smtp;

    @BeforeAll
    void realmWithMailServer() throws Exception {
        api = Api.forServer();
        smtp = new SmtpSink();
        realm = TestRealm.create(api, "notices");
        realm.enableCommunity(Map.of("name", COMMUNITY, "joinPolicy", "approval"));
        ObjectNode settings = (ObjectNode) api.get("/admin/realms/" + realm.name, api.adminToken()).json();
        settings.put("internationalizationEnabled", true);
        settings.set("supportedLocales", Api.JSON.valueToTree(List.of("en", "es", "pl", "bg", "id")));
        settings.put("defaultLocale", "en");
        settings.set("smtpServer", Api.JSON.valueToTree(Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.port()),
                "from", "community@rye.example", "fromDisplayName", COMMUNITY)));
        Expect.ok(api.put("/admin/realms/" + realm.name, api.adminToken(), settings), 204);
    }

    @AfterAll
    void stopSink() throws Exception {
        smtp.close();
    }

    @Test
    void membersHearOfApprovalNominationElectionPromotionAndTheEndOfTheirTerm() throws Exception {
        String nia = member("nia", "en");
        String pia = member("pia", "pl");
        Messages english = Messages.of("en");
        Messages polish = Messages.of("pl");

        SmtpSink.Mail approved = smtp.await("pia@example.com", m -> m.subject().equals(polish.shared("communityNoticeApprovedSubject", COMMUNITY)));
        assertTrue(approved.text().contains(polish.shared("communityNoticeApprovedBody", COMMUNITY)), approved.text());
        smtp.await("nia@example.com", m -> m.subject().equals(english.shared("communityNoticeApprovedSubject", COMMUNITY)));

        String elections = realm.adminPath("/elections");
        String election = Expect.ok(api.post(elections, api.adminToken(), Map.of("title", TITLE, "method", "irv",
                "winnerRole", "board-member", "termDays", 365)), 201).get("id").asText();
        Expect.ok(api.post(elections + "/" + election + "/open-nominations", api.adminToken(), null), 200);
        String members = realm.path("/elections/" + election);
        Expect.ok(api.post(members + "/candidates", realm.token("nia"), Map.of("handle", "nia.h", "statement", "Me")), 201);
        Expect.ok(api.post(members + "/candidates", realm.token("nia"), Map.of("handle", "pia.h")), 201);

        SmtpSink.Mail nominated = smtp.await("pia@example.com", m -> m.subject().equals(polish.shared("communityNoticeNominatedSubject", COMMUNITY)));
        String link = api.baseUrl() + "/realms/" + realm.name + "/account/community";
        assertTrue(nominated.text().contains(polish.shared("communityNoticeNominatedBody", TITLE)), nominated.text());
        assertTrue(nominated.text().contains(polish.shared("communityNoticeNominatedBy", "nia.h")), nominated.text());
        assertTrue(nominated.text().contains(link), "the accept link: " + nominated.text());
        assertTrue(nominated.html().contains("href=\"" + link + "\""), nominated.html());
        assertTrue(nominated.html().contains("Board &lt;b&gt;2027&lt;/b&gt;"), "typed text is escaped: " + nominated.html());
        assertFalse(nominated.html().contains("<b>2027"), nominated.html());

        Expect.ok(api.put(members + "/candidacy", realm.token("pia"), Map.of("accept", true, "statement", "Ja")), 200);
        Expect.ok(api.post(elections + "/" + election + "/open-voting", api.adminToken(), null), 200);
        String piaCandidate = null;
        for (JsonNode candidate : Expect.ok(api.get(members, realm.token("nia")), 200).get("candidates")) {
            if ("pia.h".equals(candidate.get("handle").asText())) {
                piaCandidate = candidate.get("id").asText();
            }
        }
        Expect.ok(api.put(members + "/ballot", realm.token("nia"), Map.of("ranking", List.of(piaCandidate))), 201);
        Expect.ok(api.post(elections + "/" + election + "/close", api.adminToken(), null), 200);
        Expect.ok(api.post(elections + "/" + election + "/certify", api.adminToken(), null), 200);

        String termEnd = Instant.now().plus(365, ChronoUnit.DAYS).atZone(ZoneOffset.UTC).toLocalDate().toString();
        SmtpSink.Mail elected = smtp.await("pia@example.com", m -> m.subject().equals(polish.shared("communityNoticeElectedSubject", COMMUNITY)));
        String boardMember = polish.shared("communityRole.board-member");
        assertTrue(elected.text().contains(polish.shared("communityNoticeElectedBody", TITLE, boardMember, termEnd))
                || elected.text().contains(polish.shared("communityNoticeElectedBody", TITLE, boardMember,
                        Instant.now().plus(366, ChronoUnit.DAYS).atZone(ZoneOffset.UTC).toLocalDate().toString())), elected.text());
        assertTrue(smtp.to("pia@example.com").stream().noneMatch(m -> m.subject().equals(polish.shared("communityNoticePromotedSubject", COMMUNITY))),
                "an elected member hears of the election, not of a promotion too");
        assertTrue(smtp.to("nia@example.com").stream().noneMatch(m -> m.subject().equals(english.shared("communityNoticeNominatedSubject", COMMUNITY))),
                "standing oneself sends nothing");

        Instant expires = Instant.now().plus(3, ChronoUnit.DAYS);
        Expect.ok(api.put(realm.adminPath("/advocacy/members/" + nia + "/roles/guru"), api.adminToken(),
                Map.of("reason", "Answers every rye question", "expiresAt", expires.toString())), 200);
        String until = expires.atZone(ZoneOffset.UTC).toLocalDate().toString();
        SmtpSink.Mail promoted = smtp.await("nia@example.com", m -> m.subject().equals(english.shared("communityNoticePromotedSubject", COMMUNITY)));
        assertTrue(promoted.text().contains(english.shared("communityNoticePromotedBody", "Guru")), promoted.text());
        assertTrue(promoted.text().contains(english.shared("communityNoticePromotedUntil", until)), promoted.text());

        String endingSubject = english.shared("communityNoticeTermEndingSubject", COMMUNITY);
        // the server's timed sweep (every 3 s here) and this admin sweep race to tell nia: exactly one may
        int reminded = Expect.ok(api.post(realm.adminPath("/advocacy/sweep"), api.adminToken(), null), 200).get("reminded").asInt();
        assertTrue(reminded <= 1, "nia's guru term ends within a week; pia's board term does not: " + reminded);
        SmtpSink.Mail ending = smtp.await("nia@example.com", m -> m.subject().equals(endingSubject));
        assertTrue(ending.text().contains(english.shared("communityNoticeTermEndingBody", "Guru", until)), ending.text());
        assertEquals(0, Expect.ok(api.post(realm.adminPath("/advocacy/sweep"), api.adminToken(), null), 200)
                .get("reminded").asInt(), "told once per term");
        awaitTimedSweeps(2);
        assertEquals(1, smtp.to("nia@example.com").stream().filter(m -> m.subject().equals(endingSubject)).count(),
                "two more timed sweeps and an admin sweep later, still one notice");
        assertTrue(smtp.to("pia@example.com").stream().noneMatch(m -> m.subject().equals(polish.shared("communityNoticeTermEndingSubject", COMMUNITY))),
                "a term ending in a year is not ending soon");
    }

    @Test
    void foundersHearOfTheirCirclesAndMembersOfTheirRequestsAndInvitations() throws Exception {
        String kai = member("kai", "es");
        String lin = member("lin", "bg");
        String mo = member("moe", "id");
        Messages spanish = Messages.of("es");
        String name = "Rye <i>lovers</i>";
        Expect.ok(api.post(realm.adminPath("/reputation/members/" + kai + "/adjustments"), api.adminToken(),
                Map.of("points", 100, "reason", "trusted")), 201);
        Expect.ok(api.put(realm.adminPath("/circles/settings"), api.adminToken(), Map.of("approveOrganic", true,
                "maxFoundedPerMember", 5)), 200);
        Map<String, Object> circle = Map.of("slug", "rye-lovers", "name", name, "joinPolicy", "request");
        Expect.ok(api.post(realm.path("/circles"), realm.token("kai"), circle), 201);
        Expect.ok(api.post(realm.adminPath("/circles/rye-lovers/approve"), api.adminToken(), null), 200);
        SmtpSink.Mail approved = smtp.await("kai@example.com", m -> m.subject().equals(spanish.shared("communityNoticeCircleApprovedSubject", COMMUNITY)));
        assertTrue(approved.text().contains(spanish.shared("communityNoticeCircleApprovedBody", name)), approved.text());
        assertTrue(approved.html().contains("Rye &lt;i&gt;lovers&lt;/i&gt;") && !approved.html().contains("<i>lovers"), approved.html());
        Expect.ok(api.post(realm.path("/circles"), realm.token("kai"), Map.of("slug", "rye-doubters", "name", "Doubters")), 201);
        Expect.ok(api.post(realm.adminPath("/circles/rye-doubters/reject"), api.adminToken(), null), 204);
        smtp.await("kai@example.com", m -> m.subject().equals(spanish.shared("communityNoticeCircleRejectedSubject", COMMUNITY)));

        Expect.ok(api.post(realm.path("/circles/rye-lovers/membership"), realm.token("lin"), null), 201);
        Expect.ok(api.post(realm.path("/circles/rye-lovers/members/" + lin + "/approve"), realm.token("kai"), null), 200);
        Messages bulgarian = Messages.of("bg");
        SmtpSink.Mail joined = smtp.await("lin@example.com", m -> m.subject().equals(bulgarian.shared("communityNoticeCircleJoinedSubject", COMMUNITY)));
        assertTrue(joined.text().contains(bulgarian.shared("communityNoticeCircleJoinedBody", name)), joined.text());
        Expect.ok(api.post(realm.path("/circles/rye-lovers/membership"), realm.token("moe"), null), 201);
        Expect.ok(api.post(realm.path("/circles/rye-lovers/members/" + mo + "/reject"), realm.token("kai"), null), 204);
        Messages indonesian = Messages.of("id");
        smtp.await("moe@example.com", m -> m.subject().equals(indonesian.shared("communityNoticeCircleDeclinedSubject", COMMUNITY)));
        Expect.ok(api.post(realm.path("/circles/rye-lovers/invitations"), realm.token("kai"), Map.of("userId", mo)), 201);
        SmtpSink.Mail invited = smtp.await("moe@example.com", m -> m.subject().equals(indonesian.shared("communityNoticeCircleInvitedSubject", COMMUNITY)));
        assertTrue(invited.text().contains(indonesian.shared("communityNoticeCircleInvitedBody", name)), invited.text());
    }

    /** Waits (up to 30 s) until the server's timed sweep has run this many more times in this realm. */
    private void awaitTimedSweeps(int more) throws InterruptedException {
        JsonNode last = Expect.ok(api.get(realm.adminPath("/advocacy/sweeps?max=1"), api.adminToken()), 200).path(0);
        Instant latest = last.has("startedAt") ? Instant.parse(last.get("startedAt").asText()) : Instant.EPOCH;
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            long newer = 0;
            for (JsonNode run : Expect.ok(api.get(realm.adminPath("/advocacy/sweeps?max=10"), api.adminToken()), 200)) {
                if (Instant.parse(run.get("startedAt").asText()).isAfter(latest)) {
                    newer++;
                }
            }
            if (newer >= more) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the timed sweep did not run " + more + " more times in 30 s");
    }

    /** A user who asks to join (approval policy), gets a handle, and is approved by an admin. */
    private String member(String username, String locale) {
        String id = realm.createUser(username);
        ObjectNode user = (ObjectNode) api.get("/admin/realms/" + realm.name + "/users/" + id, api.adminToken()).json();
        user.set("attributes", Api.JSON.valueToTree(Map.of("locale", List.of(locale), "handle", List.of(username + ".h"))));
        Expect.ok(api.put("/admin/realms/" + realm.name + "/users/" + id, api.adminToken(), user), 204);
        Expect.ok(api.post(realm.path("/membership"), realm.token(username), null), 201);
        Expect.ok(api.post(realm.adminPath("/members/" + id + "/approve"), api.adminToken(), null), 200);
        return id;
    }
}
