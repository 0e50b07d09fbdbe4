package io.kccommunity.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommunityProfileTest {

    @Test
    void missingFieldsAreNamedByAttributeInTheProfilesOrderAndGiveTheCompleteness() {
        CommunityProfile half = new CommunityProfile("ana", " ", "Bakes", List.of(), null, "https://ana.example", null,
                List.of("en"), CommunityProfile.Visibility.MEMBERS, false);
        assertEquals(List.of("displayName", "interests", "location", "avatarUrl"), half.missing());
        assertEquals(50, half.completeness());
        assertEquals(half.missing(), half.summary().get("missing"));

        CommunityProfile empty = new CommunityProfile(null, null, null, List.of(), null, null, null, List.of(),
                CommunityProfile.Visibility.MEMBERS, false);
        assertEquals(List.of("handle", "displayName", "bio", "interests", "location", "website", "avatarUrl", "languages"),
                empty.missing());
        assertEquals(0, empty.completeness());

        CommunityProfile full = new CommunityProfile("ana", "Ana", "Bakes", List.of("how-to"), "Lisbon", "https://ana.example",
                "https://ana.example/a.png", List.of("en"), CommunityProfile.Visibility.PUBLIC, true);
        assertEquals(List.of(), full.missing());
        assertEquals(100, full.completeness());
    }
}
