package dev.dragoman.keys;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The per-minute limits of one instance's keys ({@code rpm}, {@code tpm}): a call takes one request and an estimate
 * of its tokens before it goes out, and settles the estimate with the tokens the reply counted. Kept in this process
 * or, for a group, in the store it shares ({@code dragoman.cluster.store}).
 */
public interface KeyRates {

    /** What one call took from its key's limits. */
    interface Reservation {
        /** The call is over: {@code tokens} is what the provider counted for it, or the estimate when it did not say. */
        void settle(long tokens);
    }

    /**
     * Takes a request and {@code tokens} (an estimate) from the key's limits, at once or, waiting at most {@code wait}
     * for them to refill, once they are due: the waiting holds no thread, and the future completes on a thread of
     * {@code waits} then. Empty when they would not be due in time (nothing is taken then).
     */
    CompletableFuture<Optional<Reservation>> reserve(ApiKey key, long tokens, Duration wait,
            ScheduledExecutorService waits);

    /** Takes a request and {@code tokens} from the key's limits now, or nothing when they are not there. */
    default Optional<Reservation> tryReserve(ApiKey key, long tokens) {
        // with no wait nothing is scheduled, and the future is complete
        return reserve(key, tokens, Duration.ZERO, null).join();
    }

    /** The limits this instance's keys have: none, rpm, tpm or both. */
    List<RateLimit> limits();

    /** What the key may still take of one limit now, for {@code /providers} and the metrics; empty without it. */
    OptionalLong remaining(ApiKey key, RateLimit.Kind kind);

    /** Keys without per-minute limits. */
    static KeyRates unlimited() {
        CompletableFuture<Optional<Reservation>> free = CompletableFuture.completedFuture(Optional.of(tokens -> { }));
        return new KeyRates() {
            @Override
            public CompletableFuture<Optional<Reservation>> reserve(ApiKey key, long tokens, Duration wait,
                    ScheduledExecutorService waits) {
                return free;
            }

            @Override
            public List<RateLimit> limits() {
                return List.of();
            }

            @Override
            public OptionalLong remaining(ApiKey key, RateLimit.Kind kind) {
                return OptionalLong.empty();
            }
        };
    }
}
