package dev.dragoman.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;

/**
 * Per-minute limits held in Bucket4j buckets (https://bucket4j.com/), one per key and limit: the buckets of this
 * process ({@link #local()}) or proxies of buckets in the group's database. A call waits for its tokens in
 * Bucket4j's blocking mode, which reserves them at once and sleeps until they are due, so waiting calls go out in
 * the order they came and no faster than the limit.
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
    public Optional<Reservation> reserve(ApiKey key, long estimate, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        // tokens first: the request's bucket is the narrow one, and the call goes out as soon as it has its request
        Bucket tokenBucket = tokens == null ? null : source.bucket(key, tokens);
        long reserved = tokens == null ? 0 : tokens.reservable(estimate);
        if (tokenBucket != null && !take(tokenBucket, reserved, deadline)) {
            return Optional.empty();
        }
        if (requests != null) {
            boolean sent = false;
            try {
                sent = take(source.bucket(key, requests), 1, deadline);
            } finally {
                if (!sent && tokenBucket != null) {
                    tokenBucket.addTokens(reserved);
                }
            }
            if (!sent) {
                return Optional.empty();
            }
        }
        return Optional.of(used -> settle(tokenBucket, reserved, used));
    }

    /** Takes the tokens, waiting for them until the deadline; at once or not at all when it is here. */
    private static boolean take(Bucket bucket, long tokens, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        // Bucket4j's blocking mode takes no wait of 0
        return left <= 0 ? bucket.tryConsume(tokens) : bucket.asBlocking().tryConsume(tokens, Duration.ofNanos(left));
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
