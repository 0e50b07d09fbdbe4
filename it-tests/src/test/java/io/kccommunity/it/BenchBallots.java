package io.kccommunity.it;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The benchmark's ballots: random strict rankings of 3 to 6 candidates, skewed so that low-numbered
 * candidates are more popular and counts take several rounds. Depends on the JDK only, so that
 * {@code java it-tests/src/test/java/io/kccommunity/it/BenchBallots.java FILE [BALLOTS] [CANDIDATES] [SEATS]}
 * writes them as a BLT file for measuring the command line.
 */
final class BenchBallots {

    static final long SEED = 2026;

    private BenchBallots() {
    }

    /** {@code count} rankings (0-based candidates) of {@code minLength} to {@code maxLength} candidates. */
    static int[][] rankings(int count, int candidates, int minLength, int maxLength) {
        SplittableRandom random = new SplittableRandom(SEED);
        int[][] rankings = new int[count][];
        for (int b = 0; b < count; b++) {
            int length = minLength == maxLength ? minLength : minLength + random.nextInt(maxLength - minLength + 1);
            int[] ranking = new int[length];
            boolean[] used = new boolean[candidates];
            for (int i = 0; i < length; i++) {
                int c;
                do {
                    c = (int) (Math.pow(random.nextDouble(), 1.6) * candidates);
                } while (used[c]);
                used[c] = true;
                ranking[i] = c;
            }
            rankings[b] = ranking;
        }
        return rankings;
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int candidates = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int seats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(candidates + " " + seats + "\n");
            for (int[] ranking : rankings(count, candidates, 3, 6)) {
                StringBuilder line = new StringBuilder("1");
                for (int c : ranking) {
                    line.append(' ').append(c + 1);
                }
                out.write(line.append(" 0\n").toString());
            }
            out.write("0\n");
            for (int c = 0; c < candidates; c++) {
                out.write("\"Candidate " + (c + 1) + "\"\n");
            }
            out.write("\"benchmark\"\n");
        }
    }
}
