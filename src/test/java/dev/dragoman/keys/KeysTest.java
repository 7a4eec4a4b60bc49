package dev.dragoman.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.dragoman.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class KeysTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void masks_keys_everywhere_they_are_printed() {
        ApiKey key = new ApiKey("sk-proj-abcdefghijklmnopa1b2");
        assertThat(key.toString()).isEqualTo("sk-…a1b2");
        assertThat(new ApiKey("AIzaSyD-1234567890abcd").masked()).isEqualTo("AIz…abcd");
        assertThat(new ApiKey("short").masked()).doesNotContain("short");
        Secrets.register(key);
        assertThat(Secrets.redact("Incorrect API key provided: sk-proj-abcdefghijklmnopa1b2."))
                .isEqualTo("Incorrect API key provided: sk-…a1b2.");
    }

    @Test
    void reads_retry_after_in_every_form() {
        assertThat(RetryAfter.fromHeaders(Map.of("retry-after-ms", "1500")::get, CLOCK)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.fromHeaders(Map.of("Retry-After", "2")::get, CLOCK)).contains(Duration.ofSeconds(2));
        String date = ZonedDateTime.ofInstant(CLOCK.instant().plusSeconds(30), ZoneOffset.UTC)
                .format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(RetryAfter.fromHeaders(Map.of("Retry-After", date)::get, CLOCK)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.fromHeaders(Map.<String, String>of()::get, CLOCK)).isEmpty();
    }

    private static final KeyRules RULES = new KeyRules(Duration.ofSeconds(60), Duration.ofSeconds(5),
            Duration.ofMillis(500), Duration.ofMinutes(10), Duration.ofHours(1));

    @Test
    void cools_rejects_and_says_when_a_key_is_free_again() {
        ApiKey a = new ApiKey("sk-aaaaaaaaaaaaaaaa");
        ApiKey b = new ApiKey("sk-bbbbbbbbbbbbbbbb");
        KeyPool pool = new KeyPool(List.of(a, b), RULES, CLOCK);
        pool.cool(a, Duration.ofHours(1), "429");
        assertThat(pool.state(a).until()).isEqualTo(CLOCK.instant().plusSeconds(60));
        assertThat(pool.usable(a)).isFalse();
        assertThat(pool.timeUntilUsable()).contains(Duration.ZERO);
        pool.reject(b, "401");
        assertThat(pool.timeUntilUsable()).contains(Duration.ofSeconds(60));
        pool.reject(a, "401");
        assertThat(pool.allRejected()).isTrue();
        assertThat(pool.timeUntilUsable()).contains(Duration.ofMinutes(10));
    }

    @Test
    void a_retry_after_of_zero_or_in_the_past_still_rests_the_key() {
        ApiKey a = new ApiKey("sk-aaaaaaaaaaaaaaaa");
        KeyPool pool = new KeyPool(List.of(a), RULES, CLOCK);
        pool.cool(a, Duration.ZERO, "429 with Retry-After: 0");
        assertThat(pool.usable(a)).isFalse();
        assertThat(pool.timeUntilUsable()).contains(Duration.ofMillis(500));
    }

    @Test
    void a_rejected_key_is_probed_by_exactly_one_call_once_its_recheck_is_due() {
        MovableClock clock = new MovableClock(CLOCK.instant());
        ApiKey a = new ApiKey("sk-aaaaaaaaaaaaaaaa");
        KeyPool pool = new KeyPool(List.of(a), RULES, clock);
        pool.reject(a, "401");
        assertThat(pool.claim(a)).isFalse();
        clock.move(Duration.ofMinutes(10));
        assertThat(pool.claim(a)).isTrue();
        assertThat(pool.claim(a)).as("only the one probe goes out").isFalse();
        assertThat(pool.state(a).status()).isEqualTo(KeyState.Status.PROBING);
        pool.endProbe(a);
        assertThat(pool.claim(a)).as("a probe without a verdict leaves the key to the next one").isTrue();
        assertThat(pool.succeeded(a)).isTrue();
        assertThat(pool.state(a).status()).isEqualTo(KeyState.Status.ACTIVE);
        assertThat(pool.succeeded(a)).as("an active key was not out").isFalse();
    }

    @Test
    void a_used_up_quota_rests_the_key_until_the_time_named_or_the_quota_rest() {
        ApiKey a = new ApiKey("sk-aaaaaaaaaaaaaaaa");
        ApiKey b = new ApiKey("sk-bbbbbbbbbbbbbbbb");
        KeyPool pool = new KeyPool(List.of(a, b), RULES, CLOCK);
        pool.exhausted(a, Optional.of(Duration.ofHours(5)), "daily quota");
        pool.exhausted(b, Optional.empty(), "insufficient_quota");
        assertThat(pool.state(a).until()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(5)));
        assertThat(pool.state(b).until()).isEqualTo(CLOCK.instant().plus(Duration.ofHours(1)));
        assertThat(pool.allRejected()).as("resting, not rejected").isFalse();
    }
}
