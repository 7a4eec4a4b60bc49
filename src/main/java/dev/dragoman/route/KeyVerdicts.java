package dev.dragoman.route;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderInstance;

/**
 * What a failed call means for the key that made it: a rate limit rests the key for the time asked, a rejection or
 * an exhausted quota takes it out of rotation; other failures say nothing about the key.
 */
final class KeyVerdicts {

    private static final Logger LOG = LoggerFactory.getLogger(KeyVerdicts.class);

    private KeyVerdicts() {
    }

    static void record(ProviderInstance provider, ApiKey key, ProviderException failure, Duration defaultCooldown) {
        switch (failure.errorClass()) {
            case RATE_LIMITED -> {
                Duration rest = failure.retryAfter().orElse(defaultCooldown);
                provider.keys().cool(key, rest, failure.getMessage());
                LOG.info("{}: key {} rate-limited, resting {} ms: {}", provider.name(), key, rest.toMillis(),
                        failure.getMessage());
            }
            case KEY_REJECTED, QUOTA_EXHAUSTED -> {
                provider.keys().reject(key, failure.getMessage());
                LOG.warn("{}: key {} taken out of rotation: {}", provider.name(), key, failure.getMessage());
            }
            default -> LOG.debug("{}: call with key {} failed: {}", provider.name(), key, failure.getMessage());
        }
    }
}
