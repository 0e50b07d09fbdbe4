package io.kccommunity.web;

/** {@code first}/{@code max} query parameters, validated; bad numbers are a 400, not JAX-RS's 404. */
public record Paging(int first, int max) {

    public static final int DEFAULT_MAX = 20;
    public static final int LIMIT = 100;

    public static Paging of(String first, String max) {
        int from = parse("first", first, 0);
        int size = parse("max", max, DEFAULT_MAX);
        if (from < 0) {
            throw CommunityError.badRequest("invalid_request", "first must not be negative");
        }
        if (size < 1 || size > LIMIT) {
            throw CommunityError.badRequest("invalid_request", "max must be between 1 and " + LIMIT);
        }
        return new Paging(from, size);
    }

    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw CommunityError.badRequest("invalid_request", name + " must be an integer");
        }
    }
}
