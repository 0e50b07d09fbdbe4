package io.kccommunity.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Our counters in Keycloak's own metrics endpoint (the test server runs with --metrics-enabled=true). */
@ExtendWith(RealKeycloak.class)
class MetricsIT {

    private final Api api = Api.forServer();
    private final Api management = new Api(RealKeycloak.server().managementUrl());

    @Test
    void ballotsReputationEventsAndRoleGrantsAreCountedOnceCommitted() {
        TestRealm realm = TestRealm.create(api, "metrics");
        realm.enableCommunity(Map.of());
        realm.grantServiceAccountRole(TestRealm.SERVICE, ReputationIT.API_CLIENT, ReputationIT.AWARD_ROLE);
        String userId = realm.createUser("counted");
        String token = realm.token("counted");
        Expect.ok(api.post(realm.path("/membership"), token, null), 201);
        Expect.ok(api.updateAccount(realm.name, token, Map.of("handle", List.of("counted.h"))), 204);
        String events = "community_reputation_events_total{realm=\"" + realm.name + "\",source=\"" + TestRealm.SERVICE + "\"}";
        String first = "community_ballots_cast_total{ballot=\"first\",realm=\"" + realm.name + "\"}";
        String changed = "community_ballots_cast_total{ballot=\"changed\",realm=\"" + realm.name + "\"}";
        String grants = "community_role_grants_total{realm=\"" + realm.name + "\",role=\"guru\",source=\"manual\"}";
        Map<String, Double> before = scrape(events, first, changed, grants);

        String app = realm.serviceToken();
        for (int i = 0; i < 3; i++) {
            Expect.ok(api.post(realm.path("/reputation/events"), app, ReputationIT.event(userId, "helpful-flag", "m-" + i)), 201);
        }
        Expect.ok(api.post(realm.path("/reputation/events"), app, ReputationIT.event(userId, "helpful-flag", "m-0")), 200);
        Expect.error(api.post(realm.path("/reputation/events"), app, ReputationIT.event(userId, "no-such-type", "m-9")), 400);

        String admin = api.adminToken();
        String id = Expect.ok(api.post(realm.adminPath("/elections"), admin, Map.of("title", "Counted", "method", "irv")), 201)
                .get("id").asText();
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-nominations"), admin, null), 200);
        Expect.ok(api.post(realm.path("/elections/" + id + "/candidates"), token, Map.of("handle", "counted.h")), 201);
        Expect.ok(api.post(realm.adminPath("/elections/" + id + "/open-voting"), admin, null), 200);
        String candidate = api.get(realm.path("/elections/" + id), token).json().at("/candidates/0/id").asText();
        String changeKey = Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), token,
                Map.of("ranking", List.of(candidate))), 201).get("changeKey").asText();
        Expect.ok(api.put(realm.path("/elections/" + id + "/ballot"), token,
                Map.of("ranking", List.of(candidate), "changeKey", changeKey)), 200);
        Expect.error(api.put(realm.path("/elections/" + id + "/ballot"), token, Map.of("ranking", List.of(candidate))), 409);

        Expect.ok(api.put(realm.adminPath("/advocacy/members/" + userId + "/roles/guru"), admin, Map.of("reason", "helps")), 200);

        Map<String, Double> after = scrape(events, first, changed, grants);
        assertEquals(3.0, after.get(events) - before.get(events), "new events only: no replay, no refused event");
        assertEquals(1.0, after.get(first) - before.get(first));
        assertEquals(1.0, after.get(changed) - before.get(changed));
        assertEquals(1.0, after.get(grants) - before.get(grants));
    }

    /**
     * The values of the given series ({@code name{label="value",...}}) in Keycloak's Prometheus output,
     * 0 for a series not there yet; labels compared as a set (exporters differ in order and trailing commas).
     */
    private Map<String, Double> scrape(String... series) {
        Api.Reply reply = management.send("GET", "/metrics", null, null, null, Map.of("Accept", "text/plain"));
        assertEquals(200, reply.status(), reply::toString);
        Map<String, Double> values = new java.util.HashMap<>();
        for (String name : series) {
            values.put(name, 0.0);
        }
        for (String line : reply.body().split("\n")) {
            if (line.startsWith("#") || !line.contains("{")) {
                continue;
            }
            String key = seriesKey(line.substring(0, line.lastIndexOf('}') + 1));
            for (String name : series) {
                if (seriesKey(name).equals(key)) {
                    values.put(name, Double.parseDouble(line.substring(line.lastIndexOf('}') + 1).trim().split(" ")[0]));
                }
            }
        }
        return values;
    }

    private static String seriesKey(String series) {
        java.util.TreeMap<String, String> labels = new java.util.TreeMap<>();
        java.util.regex.Matcher label = java.util.regex.Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(series);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return series.substring(0, series.indexOf('{')) + labels;
    }
}
