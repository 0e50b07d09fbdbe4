package io.kccommunity.tally;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The recount command line, the Main-Class of the extension JAR:
 * {@code java -jar keycloak-community-<version>.jar tally --method <m> [--seats N] [--json] FILE}.
 * Reads BLT, and also ABIF, Debian tally sheets and CondorcetPHP votes by file name (see
 * {@link BallotFiles}). Prints the winners in election order, one per line, or the whole count as
 * JSON. Exit codes: 0 counted, 2 bad arguments or a malformed ballot file (the message names the line).
 */
public final class TallyCommand {

    static final String USAGE = "usage: tally --method <plurality|block|approval|irv|meek-stv|scottish-stv|schulze|referendum>"
            + " [--seats N] [--threshold fractional|whole] [--quorum N] [--majority 2/3] [--json] FILE";

    private TallyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String method = null;
        String file = null;
        Integer seats = null;
        boolean json = false;
        boolean wholeThreshold = false;
        long quorum = 0;
        String majority = "1/2";
        int i = args.length > 0 && args[0].equals("tally") ? 1 : 0;
        try {
            for (; i < args.length; i++) {
                switch (args[i]) {
                    case "--method" -> method = value(args, ++i);
                    case "--seats" -> seats = Integer.parseInt(value(args, ++i));
                    case "--json" -> json = true;
                    case "--threshold" -> wholeThreshold = "whole".equals(value(args, ++i));
                    case "--quorum" -> quorum = Long.parseLong(value(args, ++i));
                    case "--majority" -> majority = value(args, ++i);
                    default -> {
                        if (args[i].startsWith("--") || file != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        file = args[i];
                    }
                }
            }
            if (method == null || !CountingMethods.exists(method) || file == null) {
                throw new IllegalArgumentException(method != null && !CountingMethods.exists(method)
                        ? "unknown method '" + method + "'" : "--method and FILE are required");
            }
            if (seats != null && seats < 1) {
                throw new IllegalArgumentException("--seats must be at least 1");
            }
        } catch (IllegalArgumentException e) {
            err.println("tally: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            Election election = BallotFiles.read(Path.of(file), seats);
            if (seats != null && seats != election.seats()) {
                if (seats > election.candidates().size()) {
                    err.println("tally: --seats " + seats + " is more than the " + election.candidates().size() + " candidates");
                    return 2;
                }
                election = election.withSeats(seats);
            }
            CountingMethod counting = "meek-stv".equals(method) && wholeThreshold
                    ? new MeekStv(MeekStv.Threshold.WHOLE) : CountingMethods.of(method, quorum, majority);
            Result result = counting.count(election);
            if (json) {
                out.println(ResultJson.write(result));
            } else {
                result.winners().forEach(out::println);
            }
            return 0;
        } catch (BltFormatException e) {
            err.println("tally: " + file + ": " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("tally: no such file: " + file);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("tally: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("tally: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
