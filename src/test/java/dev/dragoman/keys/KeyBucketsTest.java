package dev.dragoman.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A call's reservation from its key's buckets, and its settlement with the tokens the reply counted. */
class KeyBucketsTest {

    private static final ApiKey KEY = new ApiKey("sk-bucket-test-key-000001");

    @Test
    void a_call_whose_deadline_has_come_takes_its_request_at_once_or_not_at_all() throws Exception {
        KeyRates rates = KeyBuckets.local(60, null);

        assertThat(rates.reserve(KEY, 1, Duration.ZERO)).as("the burst of one").isPresent();
        assertThat(rates.reserve(KEY, 1, Duration.ZERO)).as("the next in about a second").isEmpty();
        assertThat(rates.reserve(KEY, 1, Duration.ofSeconds(5))).as("waiting for it").isPresent();
    }

    @Test
    void tokens_not_used_are_given_back_and_more_used_are_taken() throws Exception {
        // a tpm of 1,000 holds 100 at once
        KeyRates rates = KeyBuckets.local(null, 1_000);

        rates.reserve(KEY, 100, Duration.ZERO).orElseThrow().settle(10);
        assertThat(rates.remaining(KEY, RateLimit.Kind.TPM).getAsLong()).isBetween(90L, 91L);

        rates.reserve(KEY, 50, Duration.ZERO).orElseThrow().settle(250);
        assertThat(rates.remaining(KEY, RateLimit.Kind.TPM).getAsLong()).as("below zero").isNegative();
        assertThat(rates.reserve(KEY, 1, Duration.ZERO)).isEmpty();
    }

    @Test
    void an_estimate_larger_than_the_burst_takes_the_burst() throws Exception {
        KeyRates rates = KeyBuckets.local(null, 1_000);

        assertThat(rates.reserve(KEY, 5_000, Duration.ZERO)).isPresent();
        assertThat(rates.remaining(KEY, RateLimit.Kind.TPM).getAsLong()).isBetween(0L, 1L);
        assertThat(rates.limits()).containsExactly(new RateLimit(RateLimit.Kind.TPM, 1_000));
    }
}
