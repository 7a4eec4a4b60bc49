package dev.dragoman.route;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderInstance;

/**
 * What a call's outcome means for the key that made it: a rate limit rests the key for the time asked, a used-up
 * quota until the time the provider names, a rejection takes it out of rotation until its re-probe; an answer brings a
 * probed key back; other failures say nothing about the key.
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
                LOG.info("{}: key {} rate-limited, resting until {}: {}", provider.name(), key,
                        provider.keys().state(key).until(), failure.getMessage());
            }
            case QUOTA_EXHAUSTED -> {
                provider.keys().exhausted(key, failure.retryAfter(), failure.getMessage());
                LOG.warn("{}: key {} out of quota, resting until {}: {}", provider.name(), key,
                        provider.keys().state(key).until(), failure.getMessage());
            }
            case KEY_REJECTED -> {
                provider.keys().reject(key, failure.getMessage());
                LOG.warn("{}: key {} taken out of rotation until {}: {}", provider.name(), key,
                        provider.keys().state(key).until(), failure.getMessage());
            }
            default -> LOG.debug("{}: call with key {} failed: {}", provider.name(), key, failure.getMessage());
        }
    }

    /** The provider translated with the key: if it was out of rotation (this call was its probe), it is back. */
    static void answered(ProviderInstance provider, ApiKey key) {
        if (provider.keys().succeeded(key)) {
            LOG.info("{}: key {} works again, back in rotation", provider.name(), key);
        }
    }
}
