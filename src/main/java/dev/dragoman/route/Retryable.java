package dev.dragoman.route;

import java.io.IOException;

import org.apache.camel.util.ObjectHelper;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

import dev.dragoman.provider.InvalidReplyException;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.translate.TranslationFailedException;

/**
 * Whether a provider failure may pass by itself: outages, timeouts, open circuit breakers, a deadline that ran out,
 * rate limits, keys out of rotation (they are re-probed) and a flaky provider's invalid replies are; a refused request
 * is not, and neither is anything that is not a provider's answer (an unknown provider, bad input).
 */
final class Retryable {

    private Retryable() {
    }

    /** Whether the failure was a reply that is no translation (empty, cut off, not JSON). */
    static boolean invalidReply(Throwable failure) {
        return ObjectHelper.getException(InvalidReplyException.class, failure) != null;
    }

    static boolean of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TranslationFailedException decided) {
                return decided.retryable();
            }
            if (cause instanceof ProviderException provider) {
                return switch (provider.errorClass()) {
                    case TRANSIENT, RATE_LIMITED, KEY_REJECTED, QUOTA_EXHAUSTED, INVALID_REPLY -> true;
                    case REQUEST_REJECTED -> false;
                };
            }
            if (cause instanceof IOException || cause instanceof CallNotPermittedException
                    || cause instanceof DeadlinePassedException) {
                return true;
            }
        }
        return false;
    }
}
