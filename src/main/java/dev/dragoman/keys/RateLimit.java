package dev.dragoman.keys;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * A per-minute limit on one key: requests ({@code rpm}) or tokens ({@code tpm}), as the platforms publish them (for
 * example https://platform.openai.com/docs/guides/rate-limits). Held as a Bucket4j token bucket that never lets more
 * through in any 60 seconds than the limit: it starts with a small burst {@link #capacity()} and refills greedily at
 * {@code limit - capacity} a minute, so a sliding minute sees at most the burst plus the refill. The burst is one
 * request for rpm (a minute's rate of 60 is 59 evenly spaced and one at once) and a tenth of the limit for tpm, since
 * one call's tokens must fit into it.
 *
 * @param kind      what is counted
 * @param perMinute the limit, for a minute
 */
public record RateLimit(Kind kind, long perMinute) {

    /** What a rate limit counts; its name is the option's and the metric's. */
    public enum Kind {
        RPM, TPM;

        public String label() {
            return name().toLowerCase();
        }
    }

    public RateLimit {
        if (perMinute < 1) {
            throw new IllegalArgumentException(kind.label() + " must be at least 1, not " + perMinute);
        }
    }

    /** The most taken at once. */
    public long capacity() {
        return Math.max(1, kind == Kind.RPM ? perMinute / 50 : perMinute / 10);
    }

    /** The bucket's limit. */
    public Bandwidth bandwidth() {
        long capacity = capacity();
        return Bandwidth.builder().capacity(capacity)
                .refillGreedy(Math.max(1, perMinute - capacity), Duration.ofMinutes(1))
                .initialTokens(capacity).build();
    }

    /** A bucket of the limit, as a proxy manager makes it in a shared store. */
    public BucketConfiguration bucket() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    /** This process's part of the limit when it must do without the group's store: the limit over the processes. */
    public RateLimit share(int processes) {
        return new RateLimit(kind, Math.max(1, perMinute / Math.max(1, processes)));
    }

    /** The tokens one call takes from the bucket before its reply: no more than the bucket can ever hold. */
    long reservable(long tokens) {
        return Math.max(1, Math.min(tokens, capacity()));
    }

    @Override
    public String toString() {
        return kind.label() + " " + perMinute;
    }
}
