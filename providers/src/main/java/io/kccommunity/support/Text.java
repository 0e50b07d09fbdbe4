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
        if (trimmed.length() > max) {
            throw invalid(field, "must be at most " + max + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.SURROGATE)) {
            throw invalid(field, "must not contain control characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isSupplementaryCodePoint)) {
            // Keycloak's MariaDB and MySQL schemas store 3-byte UTF-8 only: refuse what some databases cannot keep
            throw invalid(field, "must not contain emoji or other characters beyond U+FFFF");
        }
        return trimmed;
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

    public static CommunityError invalid(String field, String rule) {
        return CommunityError.badRequest("invalid_" + field, field + " " + rule);
    }
}
