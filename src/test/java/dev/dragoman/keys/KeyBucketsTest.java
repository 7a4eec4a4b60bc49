package dev.dragoman.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.Test;

/** A call's reservation from its key's buckets, and its settlement with the tokens the reply counted. */
class KeyBucketsTest {

    private static final ApiKey KEY = new ApiKey("sk-bucket-test-key-000001");

    @Test
    void a_call_whose_deadline_has_come_takes_its_request_at_once_or_not_at_all() throws Exception {
        KeyRates rates = KeyBuckets.local(60, null);

        assertThat(rates.tryReserve(KEY, 1)).as("the burst of one").isPresent();
        assertThat(rates.tryReserve(KEY, 1)).as("the next in about a second").isEmpty();
    }

    @Test
    void a_call_that_waits_for_its_request_holds_no_thread() {
        KeyRates rates = KeyBuckets.local(60, null);
        ScheduledExecutorService waits = Executors.newSingleThreadScheduledExecutor();
        try {
            assertThat(rates.tryReserve(KEY, 1)).as("the burst of one").isPresent();

            CompletableFuture<Optional<KeyRates.Reservation>> next = rates.reserve(KEY, 1, Duration.ofSeconds(5),
                    waits);
            assertThat(next).as("due in about a second, and the caller's thread is back at once").isNotDone();
            assertThat(rates.reserve(KEY, 1, Duration.ofMillis(100), waits)).as("the one after, not due within its wait")
                    .succeedsWithin(Duration.ofSeconds(5)).satisfies(taken -> assertThat(taken).isEmpty());
            assertThat(next).succeedsWithin(Duration.ofSeconds(5)).satisfies(taken -> assertThat(taken).isPresent());
        } finally {
            waits.shutdownNow();
        }
    }

    @Test
    void tokens_not_used_are_given_back_and_more_used_are_taken() throws Exception {
        // a tpm of 1,000 holds 100 at once
        KeyRates rates = KeyBuckets.local(null, 1_000);

        rates.tryReserve(KEY, 100).orElseThrow().settle(10);
        assertThat(rates.remaining(KEY, RateLimit.Kind.TPM).getAsLong()).isBetween(90L, 91L);

        rates.tryReserve(KEY, 50).orElseThrow().settle(250);
        assertThat(rates.remaining(KEY, RateLimit.Kind.TPM).getAsLong()).as("below zero").isNegative();
        assertThat(rates.tryReserve(KEY, 1)).isEmpty();
    }

    @Test
    void an_estimate_larger_than_the_burst_takes_the_burst() throws Exception {
        KeyRates rates = KeyBuckets.local(null, 1_000);

        assertThat(rates.tryReserve(KEY, 5_000)).isPresent();
        assertThat(rates.remaining(KEY, RateLimit.Kind.TPM).getAsLong()).isBetween(0L, 1L);
        assertThat(rates.limits()).containsExactly(new RateLimit(RateLimit.Kind.TPM, 1_000));
    }
}
