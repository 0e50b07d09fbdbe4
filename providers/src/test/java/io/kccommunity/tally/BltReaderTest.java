package io.kccommunity.tally;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BltReaderTest {

    static Election read(String text) throws BltFormatException {
        return BltReader.read(text.lines().toList());
    }

    @Test
    void readsHeaderBallotsNamesAndTitle() throws Exception {
        Election e = read("3 2\n2 1 3 0\n1 2 0\n0\n\"Ana \\\"A\\\"\"\n\"Bo\"\n\"Cy\"\n\"Board 2026\"\n");
        assertEquals(List.of("Ana \"A\"", "Bo", "Cy"), e.candidates());
        assertEquals(2, e.seats());
        assertEquals("Board 2026", e.title());
        assertEquals(3, e.totalWeight());
        assertArrayEquals(new int[] {0, 2}, e.ballots().get(0).ranking());
    }

    @Test
    void withdrawnAndRepeatedCandidatesLeaveBallotsAndEmptyBallotsAreDropped() throws Exception {
        Election e = read("3 1\n-2\n4 2 0\n1 1 1 3 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n");
        assertEquals(1, e.ballots().size(), "the ballot for B alone is empty once B withdrew");
        assertArrayEquals(new int[] {0, 2}, e.ballots().get(0).ranking());
    }

    @Test
    void understandsDroopNicknamesWithdrawnExtensionAndBallotIds() throws Exception {
        Election e = read("2 1\n[nick a b]\n[withdrawn b]\n(7) 3 b a 0\n0\n\"A\"\n\"B\"\n\"t\"\n");
        assertArrayEquals(new int[] {0}, e.ballots().get(0).ranking());
        assertEquals(3, e.totalWeight());
    }

    @Test
    void malformedFilesNameTheLine() {
        assertEquals(1, line(""));
        assertEquals(1, line("three 1\n"));
        assertEquals(2, line("2 1\n1 1 5 0\n0\n\"A\"\n\"B\"\n"));
        assertEquals(2, line("2 1\n1 1 2\n0\n\"A\"\n\"B\"\n"));
        assertEquals(2, line("2 1\nx 1 0\n0\n\"A\"\n\"B\"\n"));
        assertEquals(2, line("2 1\n1 1=2 0\n0\n\"A\"\n\"B\"\n"));
        assertEquals(4, line("2 1\n1 1 0\n0\n\"A\"\n"));
        assertEquals(2, line("2 1\n1 1 0\n"));
        assertEquals(1, line("2 3\n"));
    }

    private static int line(String text) {
        return assertThrows(BltFormatException.class, () -> read(text)).line();
    }
}
