package dev.dragoman.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

    @Test
    void cools_rejects_and_says_when_a_key_is_free_again() {
        ApiKey a = new ApiKey("sk-aaaaaaaaaaaaaaaa");
        ApiKey b = new ApiKey("sk-bbbbbbbbbbbbbbbb");
        KeyPool pool = new KeyPool(List.of(a, b), Duration.ofSeconds(60), CLOCK);
        pool.cool(a, Duration.ofHours(1), "429");
        assertThat(pool.state(a).until()).isEqualTo(CLOCK.instant().plusSeconds(60));
        assertThat(pool.usable(a)).isFalse();
        assertThat(pool.timeUntilUsable()).contains(Duration.ZERO);
        pool.reject(b, "401");
        assertThat(pool.timeUntilUsable()).contains(Duration.ofSeconds(60));
        pool.reject(a, "401");
        assertThat(pool.allRejected()).isTrue();
        assertThat(pool.timeUntilUsable()).isEmpty();
    }
}
