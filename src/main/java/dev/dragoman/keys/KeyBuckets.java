package dev.dragoman.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.github.bucket4j.Bucket;

/**
 * Per-minute limits held in Bucket4j buckets (https://bucket4j.com/), one per key and limit: the buckets of this
 * process ({@link #local()}) or proxies of buckets in the group's database. A call waits for its tokens in
 * Bucket4j's scheduling mode, which reserves them at once and completes when they are due, so waiting calls go out in
 * the order they came, no faster than the limit, and hold no thread while they wait.
 */
public final class KeyBuckets implements KeyRates {

    /** Where the bucket of a key and limit is. */
    @FunctionalInterface
    public interface Source {
        Bucket bucket(ApiKey key, RateLimit limit);
    }

    private final RateLimit requests;
    private final RateLimit tokens;
    private final Source source;

    /**
     * @param rpm requests per minute per key, or null
     * @param tpm tokens per minute per key, or null
     */
    public KeyBuckets(Integer rpm, Integer tpm, Source source) {
        this(rpm == null ? null : new RateLimit(RateLimit.Kind.RPM, rpm),
                tpm == null ? null : new RateLimit(RateLimit.Kind.TPM, tpm), source);
    }

    private KeyBuckets(RateLimit requests, RateLimit tokens, Source source) {
        this.requests = requests;
        this.tokens = tokens;
        this.source = source;
    }

    /** The limits in buckets of this process; none when neither is set. */
    public static KeyRates local(Integer rpm, Integer tpm) {
        return rpm == null && tpm == null ? KeyRates.unlimited() : new KeyBuckets(rpm, tpm, local());
    }

    /** The same limits, each its share among {@code processes}, in buckets of this process. */
    public KeyRates share(int processes) {
        return new KeyBuckets(requests == null ? null : requests.share(processes),
                tokens == null ? null : tokens.share(processes), local());
    }

    /** Buckets in this process's memory. */
    public static Source local() {
        Map<ApiKey, Map<RateLimit, Bucket>> buckets = new ConcurrentHashMap<>();
        return (key, limit) -> buckets.computeIfAbsent(key, any -> new ConcurrentHashMap<>())
                .computeIfAbsent(limit, any -> Bucket.builder().addLimit(limit.bandwidth()).build());
    }

    @Override
    public CompletableFuture<Optional<Reservation>> reserve(ApiKey key, long estimate, Duration wait,
            ScheduledExecutorService waits) {
        long deadline = System.nanoTime() + wait.toNanos();
        // tokens first: the request's bucket is the narrow one, and the call goes out as soon as it has its request
        Bucket tokenBucket = tokens == null ? null : source.bucket(key, tokens);
        long reserved = tokens == null ? 0 : tokens.reservable(estimate);
        Optional<Reservation> reservation = Optional.of(used -> settle(tokenBucket, reserved, used));
        CompletableFuture<Boolean> tokensTaken = tokenBucket == null ? CompletableFuture.completedFuture(true)
                : take(tokenBucket, reserved, deadline, waits);
        return tokensTaken.thenCompose(taken -> {
            if (!taken) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (requests == null) {
                return CompletableFuture.completedFuture(reservation);
            }
            CompletableFuture<Boolean> sent;
            try {
                sent = take(source.bucket(key, requests), 1, deadline, waits);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            return sent.handle((ok, failure) -> {
                if (failure == null && ok) {
                    return reservation;
                }
                if (tokenBucket != null) {
                    tokenBucket.addTokens(reserved);
                }
                if (failure != null) {
                    throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
                }
                return Optional.<Reservation>empty();
            });
        });
    }

    /**
     * Takes the tokens: at once, or reserved now and due once they have refilled, within the deadline (Bucket4j's
     * scheduling mode, whose wait is a task of {@code waits}, not a thread); at once or not at all when the deadline is
     * here.
     */
    private static CompletableFuture<Boolean> take(Bucket bucket, long tokens, long deadline,
            ScheduledExecutorService waits) {
        long left = deadline - System.nanoTime();
        return left <= 0 ? CompletableFuture.completedFuture(bucket.tryConsume(tokens))
                : bucket.asScheduler().tryConsume(tokens, Duration.ofNanos(left), waits);
    }

    /** Takes what the call used beyond its estimate (the bucket may go below zero), or gives back what it did not. */
    private static void settle(Bucket bucket, long reserved, long used) {
        if (bucket == null || used == reserved) {
            return;
        }
        if (used > reserved) {
            bucket.consumeIgnoringRateLimits(used - reserved);
        } else {
            bucket.addTokens(reserved - used);
        }
    }

    @Override
    public List<RateLimit> limits() {
        return requests == null ? List.of(tokens) : tokens == null ? List.of(requests) : List.of(requests, tokens);
    }

    @Override
    public OptionalLong remaining(ApiKey key, RateLimit.Kind kind) {
        RateLimit limit = kind == RateLimit.Kind.RPM ? requests : tokens;
        return limit == null ? OptionalLong.empty() : OptionalLong.of(source.bucket(key, limit).getAvailableTokens());
    }
}
