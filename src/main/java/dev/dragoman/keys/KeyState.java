package dev.dragoman.keys;

import java.time.Instant;

/**
 * Where a key stands in its rotation: usable; cooling after a rate limit or a used-up quota, until a time; rejected
 * until its re-probe is due; or probing, while the one request that tells whether it works again is out.
 */
public record KeyState(Status status, Instant until, String reason) {

    public enum Status { ACTIVE, COOLING, REJECTED, PROBING }

    public static final KeyState ACTIVE = new KeyState(Status.ACTIVE, null, null);

    static KeyState coolingUntil(Instant until, String reason) {
        return new KeyState(Status.COOLING, until, reason);
    }

    static KeyState rejectedUntil(Instant recheck, String reason) {
        return new KeyState(Status.REJECTED, recheck, reason);
    }

    /**
     * The probe's state until {@code giveUpAt}: a probe that never reports (its process was killed) leaves the key to
     * the next prober then, in every process that shares the states.
     */
    KeyState probing(Instant giveUpAt) {
        return new KeyState(Status.PROBING, giveUpAt, reason);
    }

    /** Whether a request may use the key at {@code now}; a cooling key is usable again once its time has passed. */
    public boolean usableAt(Instant now) {
        return status == Status.ACTIVE || status == Status.COOLING && !now.isBefore(until);
    }

    /**
     * Whether a call may go out on the key at {@code now}: it is usable, or it is rejected and its re-probe is due, or
     * its probe has been out too long.
     */
    public boolean claimableAt(Instant now) {
        return usableAt(now) || (status == Status.REJECTED || status == Status.PROBING) && !now.isBefore(until);
    }

    /** Rejected or being probed: out of rotation until a probe shows that the provider takes it again. */
    public boolean outOfRotation() {
        return status == Status.REJECTED || status == Status.PROBING;
    }
}
