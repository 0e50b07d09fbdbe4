package io.kccommunity.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TallyCommandTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return TallyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    Path file(String text) throws Exception {
        Path file = dir.resolve("ballots.blt");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void printsWinnersOnePerLineInElectionOrder() throws Exception {
        Path blt = file("3 2\n6 1 2 0\n2 2 0\n1 3 0\n0\n\"A\"\n\"B\"\n\"C <b>\"\n\"t\"\n");
        assertEquals(0, run("tally", "--method", "scottish-stv", blt.toString()));
        assertEquals("A\nB\n", out.toString(StandardCharsets.UTF_8).replace("\r", ""));
    }

    @Test
    void jsonHasWinnersAndRoundsAndOverridesSeats() throws Exception {
        Path blt = file("3 1\n6 1 2 0\n2 2 0\n1 3 0\n0\n\"A\"\n\"B\"\n\"C \\\"q\\\" <b>\"\n\"t\"\n");
        assertEquals(0, run("tally", "--method", "block", "--seats", "2", "--json", blt.toString()));
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("B", json.at("/winners/0").asText(), "B is on 8 ballots' top two");
        assertEquals("A", json.at("/winners/1").asText());
        assertTrue(json.at("/rounds/0/votes").has("C \"q\" <b>"), json::toString);
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("<b>"), "markup characters are escaped in JSON");
    }

    @Test
    void badArgumentsAndFilesExitWith2AndSayWhy() throws Exception {
        assertEquals(2, run("tally", "--method", "borda", "x.blt"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown method 'borda'"));
        assertEquals(2, run("tally", "--method", "irv"));
        assertEquals(2, run("tally", "--method", "irv", "--seats", "0", "x.blt"));
        assertEquals(2, run("tally", "--method", "irv", dir.resolve("missing.blt").toString()));
        err.reset();
        assertEquals(2, run("tally", "--method", "irv", file("2 1\n1 1 0\n1 9 0\n0\n\"A\"\n\"B\"\n").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 3"), err.toString(StandardCharsets.UTF_8));
        assertEquals(2, run("tally", "--method", "irv", "--seats", "5", file("2 1\n1 1 0\n0\n\"A\"\n\"B\"\n").toString()));
    }
}
