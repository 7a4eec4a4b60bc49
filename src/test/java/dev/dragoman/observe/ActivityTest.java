package dev.dragoman.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dragoman.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:30Z");

    private final MovableClock clock = new MovableClock(START);
    private final Activity activity = new Activity(clock);

    @Test
    void shows_the_last_fifteen_minutes_oldest_first_with_empty_minutes_as_zeros() {
        activity.count(Source.HTTP);
        activity.count(Source.HTTP);
        clock.set(START.plus(Duration.ofMinutes(2)));
        activity.count(Source.FILE);

        List<Activity.Counts> minutes = activity.lastMinutes();

        assertThat(minutes).hasSize(15);
        assertThat(minutes.get(14).minute()).isEqualTo(Instant.parse("2026-01-01T10:02:00Z"));
        assertThat(minutes.get(14).bySource()).containsExactly(1, 0, 0);
        assertThat(minutes.get(13).bySource()).containsExactly(0, 0, 0);
        assertThat(minutes.get(12).minute()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(minutes.get(12).bySource()).containsExactly(0, 0, 2);
    }

    @Test
    void forgets_a_minute_once_the_ring_comes_round_to_it_again() {
        activity.count(Source.KAFKA);
        clock.set(START.plus(Duration.ofMinutes(16)));
        activity.count(Source.FILE);

        List<Activity.Counts> minutes = activity.lastMinutes();

        assertThat(minutes.stream().mapToLong(minute -> minute.bySource()[Source.KAFKA.ordinal()]).sum()).isZero();
        assertThat(minutes.get(14).bySource()).containsExactly(1, 0, 0);
    }
}
