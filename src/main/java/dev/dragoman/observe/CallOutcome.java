package dev.dragoman.observe;

import java.util.Locale;

import dev.dragoman.provider.ProviderException;

/**
 * What one HTTP call to a provider came to, as the {@code outcome} label of {@code dragoman_provider_requests_total}
 * and the {@code requests} of {@code GET /usage} name it.
 */
public enum CallOutcome {
    /** The provider answered with a reply that was read. */
    OK,
    /** 429, or a used-up quota: the key rests. */
    RATE_LIMITED,
    /** The provider refused the key (401/403, an invalid key): it is out of rotation until its re-probe. */
    REJECTED,
    /** A server fault, an overload, a timeout, a broken connection, a call cut off. */
    TRANSIENT,
    /** The provider refused the request itself (bad parameters, a content policy). */
    REFUSED,
    /** A successful status whose reply is no translation. */
    INVALID_REPLY;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }

    /** A failed call's outcome, by the provider error's class; a failure with no verdict of the provider is transient. */
    public static CallOutcome of(Throwable failure) {
        if (failure instanceof ProviderException provider) {
            return switch (provider.errorClass()) {
                case RATE_LIMITED, QUOTA_EXHAUSTED -> RATE_LIMITED;
                case KEY_REJECTED -> REJECTED;
                case TRANSIENT -> TRANSIENT;
                case REQUEST_REJECTED -> REFUSED;
                case INVALID_REPLY -> INVALID_REPLY;
            };
        }
        return TRANSIENT;
    }
}
