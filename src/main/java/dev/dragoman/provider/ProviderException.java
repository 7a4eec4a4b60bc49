package dev.dragoman.provider;

import java.time.Duration;
import java.util.Optional;

import dev.dragoman.keys.Secrets;

/**
 * A provider call that did not give a translation, sorted into its {@link ErrorClass}. The subclasses exist so that
 * Camel's failover load balancer can tell by type which failures move on to the next key. Messages are masked.
 */
public abstract sealed class ProviderException extends Exception
        permits KeyUnusableException, TransientProviderException, RequestRejectedException, InvalidReplyException,
        InstanceClosedException {

    private final ErrorClass errorClass;
    private final transient Duration retryAfter;

    protected ProviderException(ErrorClass errorClass, String message, Duration retryAfter) {
        super(Secrets.redact(message), null, false, false);
        this.errorClass = errorClass;
        this.retryAfter = retryAfter;
    }

    public static ProviderException of(ErrorClass errorClass, String message, Duration retryAfter) {
        return switch (errorClass) {
            case RATE_LIMITED, KEY_REJECTED, QUOTA_EXHAUSTED -> new KeyUnusableException(errorClass, message, retryAfter);
            case TRANSIENT -> new TransientProviderException(message, retryAfter);
            case REQUEST_REJECTED -> new RequestRejectedException(message);
            case INVALID_REPLY -> new InvalidReplyException(message);
        };
    }

    public static ProviderException of(ErrorClass errorClass, String message) {
        return of(errorClass, message, null);
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    /** The wait the provider asked for, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
