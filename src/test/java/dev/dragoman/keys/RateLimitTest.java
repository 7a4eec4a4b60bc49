package dev.dragoman.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A key's per-minute limit as its bucket holds it, on a clock the test moves: whatever the calls' timing, no 60
 * seconds let more through than the limit (not the limit plus a full bucket, as a bucket as large as the limit
 * would), and a steady stream of calls gets at least 95 % of an rpm of 50 or more.
 */
class RateLimitTest {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    @Property(tries = 300)
    void no_sixty_seconds_take_more_than_the_limit(@ForAll RateLimit.Kind kind,
            @ForAll @IntRange(min = 2, max = 20_000) int perMinute,
            @ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 3_000) Integer> gapsMillis,
            @ForAll @IntRange(min = 1, max = 1_000) int tokensPerCall) {
        RateLimit limit = new RateLimit(kind, perMinute);
        Clock clock = new Clock();
        Bucket bucket = Bucket.builder().addLimit(limit.bandwidth()).withCustomTimePrecision(clock).build();
        long perCall = kind == RateLimit.Kind.RPM ? 1 : limit.reservable(tokensPerCall);
        Deque<long[]> window = new ArrayDeque<>();
        long inWindow = 0;
        for (int gap : gapsMillis) {
            clock.nanos += gap * 1_000_000L;
            // a caller that keeps trying takes what the bucket allows
            while (bucket.tryConsume(perCall)) {
                window.addLast(new long[] { clock.nanos, perCall });
                inWindow += perCall;
                while (clock.nanos - window.peekFirst()[0] >= MINUTE_NANOS) {
                    inWindow -= window.removeFirst()[1];
                }
                assertThat(inWindow).as("taken in the last 60 s of %s", limit).isLessThanOrEqualTo(perMinute);
            }
        }
    }

    @Property(tries = 100)
    void a_steady_stream_gets_nearly_all_of_the_rate(@ForAll @IntRange(min = 50, max = 10_000) int rpm) {
        RateLimit limit = new RateLimit(RateLimit.Kind.RPM, rpm);
        Clock clock = new Clock();
        Bucket bucket = Bucket.builder().addLimit(limit.bandwidth()).withCustomTimePrecision(clock).build();
        long taken = 0;
        for (int millis = 0; millis < 600_000; millis += 10) {
            clock.nanos = millis * 1_000_000L;
            while (bucket.tryConsume(1)) {
                taken++;
            }
        }
        assertThat(taken).as("requests in 10 minutes at %s", limit).isGreaterThanOrEqualTo((long) (rpm * 10 * 0.95));
    }

    private static final class Clock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
