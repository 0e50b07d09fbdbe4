package io.kccommunity.support;

import io.kccommunity.web.CommunityError;

/** Checks for short texts people or apps give us (names, reasons), with one 400 naming the field. */
public final class Text {

    private Text() {
    }

    /**
     * Returns {@code value} stripped, or null when blank. Refuses texts longer than {@code max},
     * control characters, lone surrogates and characters beyond U+FFFF.
     */
    public static String clean(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String problem = problem(trimmed, max);
        if (problem != null) {
            throw invalid(field, problem);
        }
        return trimmed;
    }

    /** What is wrong with a non-blank {@code value} as a short text (the end of a sentence naming the field), or null. */
    public static String problem(String value, int max) {
        if (value.length() > max) {
            return "must be at most " + max + " characters";
        }
        if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.SURROGATE)) {
            return "must not contain control characters";
        }
        if (value.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            // Keycloak's MariaDB and MySQL schemas store 3-byte UTF-8 only: refuse what some databases cannot keep
            return "must not contain emoji or other characters beyond U+FFFF";
        }
        return null;
    }

    /** As {@link #clean}, but line breaks and tabs are allowed (descriptions, statements). */
    public static String paragraphs(String field, String value, int max) {
        return value == null ? null : clean(field, value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '), max) == null
                ? null : value.strip();
    }

    /**
     * Whether {@code id} can name a Keycloak object (a user id): at most {@code max} characters, no
     * control characters (PostgreSQL refuses a NUL in a query parameter with a database error).
     */
    public static boolean isId(String id, int max) {
        return id != null && !id.isEmpty() && id.length() <= max && id.chars().noneMatch(Character::isISOControl);
    }

    /**
     * A JPQL {@code like} pattern, used with {@code escape '!'}, that matches text containing {@code search}
     * in any letter case (compare with {@code lower(...)}): its wildcards and escape character are escaped.
     */
    public static String containing(String search) {
        String lower = search.toLowerCase(java.util.Locale.ROOT);
        return "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    public static CommunityError invalid(String field, String rule) {
        return CommunityError.badRequest("invalid_" + field, field + " " + rule);
    }
}
