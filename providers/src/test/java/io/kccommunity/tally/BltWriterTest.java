package io.kccommunity.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BltWriterTest {

    @Test
    void whatIsWrittenReadsBackToTheSameCountWithBallotsInCanonicalOrder() throws Exception {
        Election election = new Election("Board \"2026\"", List.of("Ana", "Bob", "Cyd"), 1, List.of(
                new Ballot(1, new int[] {2, 0}), new Ballot(1, new int[] {0, 1}), new Ballot(1, new int[] {2, 0}),
                new Ballot(1, new int[] {1})));
        String blt = BltWriter.write(election);
        assertEquals("""
                3 1
                1 1 2 0
                1 2 0
                2 3 1 0
                0
                "Ana"
                "Bob"
                "Cyd"
                "Board '2026'"
                """, blt);
        Election read = BltReader.read(blt.lines().toList());
        assertEquals(new InstantRunoff().count(election).winners(), new InstantRunoff().count(read).winners());
        assertEquals(4, read.totalWeight());
    }
}
