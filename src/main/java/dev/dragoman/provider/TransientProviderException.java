package dev.dragoman.provider;

import java.time.Duration;

/** The provider or the network failed for now: another key may work, and a later retry may too. */
public final class TransientProviderException extends ProviderException {

    TransientProviderException(String message, Duration retryAfter) {
        super(ErrorClass.TRANSIENT, message, retryAfter);
    }
}
