package dev.dragoman.provider;

import java.time.Duration;

/** The key of this call cannot be used now (rate-limited, rejected, out of quota, or cooling): try the next key. */
public final class KeyUnusableException extends ProviderException {

    KeyUnusableException(ErrorClass errorClass, String message, Duration retryAfter) {
        super(errorClass, message, retryAfter);
    }
}
