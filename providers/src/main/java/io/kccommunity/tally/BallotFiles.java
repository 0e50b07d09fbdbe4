package io.kccommunity.tally;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a ballot file in the format its name says: {@code .blt} (default), {@code .abif}, a Debian
 * tally sheet ({@code *tally.txt}) or CondorcetPHP votes ({@code *.condorcet.txt}). UTF-8, falling
 * back to ISO-8859-1 for older files.
 */
public final class BallotFiles {

    private BallotFiles() {
    }

    /** {@code seats} applies to formats that do not state it; null means 1. */
    public static Election read(Path file, Integer seats) throws IOException, BltFormatException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int stated = seats == null ? 1 : seats;
        if (name.endsWith(".abif")) {
            return AbifReader.read(lines(file), stated);
        }
        if (name.endsWith("tally.txt")) {
            return DebianTallyReader.read(lines(file));
        }
        if (name.endsWith(".condorcet.txt")) {
            return CondorcetTextReader.read(lines(file), stated);
        }
        try {
            return BltReader.read(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return BltReader.read(file, StandardCharsets.ISO_8859_1);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        }
    }
}
