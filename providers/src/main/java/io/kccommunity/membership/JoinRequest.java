package io.kccommunity.membership;

/** Body of {@code POST /community/membership}; required only when a code of conduct is set. */
public record JoinRequest(String acceptedCodeOfConductVersion) {
    static final JoinRequest EMPTY = new JoinRequest(null);
}
