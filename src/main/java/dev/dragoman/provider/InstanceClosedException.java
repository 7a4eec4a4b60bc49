package dev.dragoman.provider;

import java.time.Duration;

/**
 * The instance takes no call for this text, whatever its keys: it spent its budget or used its tokens for the period
 * ({@code budget}, {@code tokens-per-day}), or the text's client may not use it ({@code dragoman.http.clients}). No
 * call goes out, and the next instance takes over.
 */
public final class InstanceClosedException extends ProviderException {

    /** The instance's budget is spent until the period turns, {@code untilOpen} from now. */
    public static InstanceClosedException spent(String message, Duration untilOpen) {
        return new InstanceClosedException(ErrorClass.QUOTA_EXHAUSTED, message, untilOpen);
    }

    /** The text's client may not use the instance. */
    public static InstanceClosedException notAllowed(String message) {
        return new InstanceClosedException(ErrorClass.REQUEST_REJECTED, message, null);
    }

    private InstanceClosedException(ErrorClass errorClass, String message, Duration retryAfter) {
        super(errorClass, message, retryAfter);
    }
}
