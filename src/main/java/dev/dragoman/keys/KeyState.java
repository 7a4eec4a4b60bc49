package dev.dragoman.keys;

import java.time.Instant;

/** Where a key stands in its rotation: usable, cooling after a rate limit, or taken out for good. */
public record KeyState(Status status, Instant until, String reason) {

    public enum Status { ACTIVE, COOLING, REJECTED }

    static final KeyState ACTIVE = new KeyState(Status.ACTIVE, null, null);

    static KeyState coolingUntil(Instant until, String reason) {
        return new KeyState(Status.COOLING, until, reason);
    }

    static KeyState rejected(String reason) {
        return new KeyState(Status.REJECTED, null, reason);
    }

    /** Whether a request may use the key at {@code now}; a cooling key is usable again once its time has passed. */
    public boolean usableAt(Instant now) {
        return status == Status.ACTIVE || status == Status.COOLING && !now.isBefore(until);
    }
}
