package dev.dragoman.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import dev.dragoman.keys.KeyPool;
import dev.dragoman.keys.KeyRules;
import dev.dragoman.keys.KeyStores;

/**
 * A configured provider at run time: its settings, the engine of its dialect, the live state of its keys, and the
 * circuit breaker that stops calls to it while it is down (null for offline instances, which never fail), and when it
 * last translated well.
 */
public record ProviderInstance(ProviderSettings settings, Engine engine, KeyPool keys, CircuitBreaker breaker,
        GoodReplies goodReplies) {

    public static ProviderInstance of(ProviderSettings settings, KeyRules keyRules, BreakerRules breakerRules) {
        return of(settings, KeyStores.inProcess(), keyRules, breakerRules);
    }

    /** @param stores where its keys' states and call slots are kept: this process, or the store the group shares */
    public static ProviderInstance of(ProviderSettings settings, KeyStores stores, KeyRules keyRules,
            BreakerRules breakerRules) {
        Engine engine = Dialects.byName(settings.dialect()).orElseThrow().engine(settings);
        KeyPool keys = new KeyPool(settings.keys(), stores.states(settings.name(), settings.keys()),
                stores.slots(settings.name(), settings.keys(), settings.concurrency()), keyRules, Clock.systemUTC());
        return new ProviderInstance(settings, engine, keys,
                engine instanceof WireFormat ? ProviderBreaker.create(settings.name(), breakerRules) : null,
                new GoodReplies());
    }

    public String name() {
        return settings.name();
    }

    /** Offline instances (the pseudo-localiser) answer without HTTP, keys or load balancing. */
    public boolean offline() {
        return engine instanceof LocalTranslator;
    }

    /** The wire format of an instance that is not {@link #offline()}. */
    public WireFormat wire() {
        if (engine instanceof WireFormat wire) {
            return wire;
        }
        throw new IllegalStateException(name() + " translates offline, with no wire format");
    }

    /**
     * Whether a call could be sent now: offline instances always can, others while their breaker is not open and some
     * key is usable or due for its re-probe. Sources ask this to pause rather than fail every message while no
     * instance can translate.
     */
    public boolean available() {
        return timeUntilAvailable().isZero();
    }

    /**
     * How long until a call could be sent: zero when one can now; while the breaker is open, at most its wait in the
     * open state; otherwise until the first key is usable again (a rejected key: until its re-probe).
     */
    public Duration timeUntilAvailable() {
        if (offline()) {
            return Duration.ZERO;
        }
        Duration keyFree = keys.timeUntilUsable().orElse(ChronoUnit.FOREVER.getDuration());
        if (breaker.getState() == CircuitBreaker.State.OPEN) {
            Duration openWait = Duration.ofMillis(
                    breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
            return keyFree.compareTo(openWait) > 0 ? keyFree : openWait;
        }
        return keyFree;
    }

    /** How many requests this instance can have in flight: one lane per key, each with its concurrency. */
    public int capacity() {
        return Math.max(1, keys.keys().size()) * settings.concurrency();
    }
}
