package dev.dragoman.keys;

import java.time.Instant;

/**
 * Where a key stands in its rotation: usable; cooling after a rate limit or a used-up quota, until a time; rejected
 * until its re-probe is due; or probing, while the one request that tells whether it works again is out.
 */
public record KeyState(Status status, Instant until, String reason) {

    public enum Status { ACTIVE, COOLING, REJECTED, PROBING }

    static final KeyState ACTIVE = new KeyState(Status.ACTIVE, null, null);

    static KeyState coolingUntil(Instant until, String reason) {
        return new KeyState(Status.COOLING, until, reason);
    }

    static KeyState rejectedUntil(Instant recheck, String reason) {
        return new KeyState(Status.REJECTED, recheck, reason);
    }

    KeyState probing() {
        return new KeyState(Status.PROBING, null, reason);
    }

    /** Whether a request may use the key at {@code now}; a cooling key is usable again once its time has passed. */
    public boolean usableAt(Instant now) {
        return status == Status.ACTIVE || status == Status.COOLING && !now.isBefore(until);
    }

    /** Whether a call may go out on the key at {@code now}: it is usable, or it is rejected and its re-probe is due. */
    public boolean claimableAt(Instant now) {
        return usableAt(now) || status == Status.REJECTED && !now.isBefore(until);
    }

    /** Rejected or being probed: out of rotation until a probe shows that the provider takes it again. */
    public boolean outOfRotation() {
        return status == Status.REJECTED || status == Status.PROBING;
    }
}
