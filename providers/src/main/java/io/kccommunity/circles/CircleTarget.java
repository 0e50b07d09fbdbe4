package io.kccommunity.circles;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of role, ban and invitation requests: {@code role}, {@code reason}, or who ({@code userId} or {@code handle}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CircleTarget(String userId, String handle, String role, String reason) {
}
