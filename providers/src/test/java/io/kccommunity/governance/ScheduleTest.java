package io.kccommunity.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final long T = 1_000_000L;

    @Test
    void aPhaseMovesTheMomentItsTimeComes() {
        assertEquals("draft", Schedule.phaseAt("draft", false, T, T + 10, T + 20, false, T - 1));
        assertEquals("nomination", Schedule.phaseAt("draft", false, T, T + 10, T + 20, false, T));
        assertEquals("voting", Schedule.phaseAt("nomination", false, T, T + 10, T + 20, true, T + 10));
        assertEquals("voting", Schedule.phaseAt("voting", false, T, T + 10, T + 20, true, T + 19));
        assertEquals("closed", Schedule.phaseAt("voting", false, T, T + 10, T + 20, true, T + 20));
    }

    @Test
    void aLateSweepChangesNothing() {
        // recorded as draft, but every time has passed: the election is closed now
        assertEquals("closed", Schedule.phaseAt("draft", false, T, T + 10, T + 20, true, T + 3_600_000));
        assertEquals("closed", Schedule.phaseAt("draft", true, null, T + 10, T + 20, false, T + 21));
    }

    @Test
    void votingWaitsForACandidateAndReferendumsSkipNominations() {
        assertEquals("nomination", Schedule.phaseAt("nomination", false, T, T + 10, T + 20, false, T + 30));
        assertEquals("draft", Schedule.phaseAt("draft", true, T, null, null, false, T + 30));
        assertEquals("voting", Schedule.phaseAt("draft", true, T, T + 10, null, false, T + 10));
    }

    @Test
    void whatAnAdminEndedStaysEnded() {
        for (String phase : new String[] {"closed", "certified", "cancelled"}) {
            assertEquals(phase, Schedule.phaseAt(phase, false, T, T + 10, T + 20, true, T + 30));
        }
        assertEquals("nomination", Schedule.phaseAt("nomination", false, null, null, null, true, T));
    }
}
