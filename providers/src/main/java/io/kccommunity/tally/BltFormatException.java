package io.kccommunity.tally;

/** A ballot file that is not valid BLT; names the 1-based line. */
public class BltFormatException extends Exception {

    private final int line;

    public BltFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
