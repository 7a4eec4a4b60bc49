package dev.dragoman.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress lines and the time left, from the rate so far; each tenth told once, also from many threads. */
class FileLinesTest {

    static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void should_tell_the_time_left_from_the_rate_so_far() {
        FileLines lines = new FileLines("report.txt", 10_000, START);

        assertThat(lines.finished(4_197, 3, START.plusSeconds(90)))
                .contains("report.txt: 4,197 / 10,000 lines, 3 failed, 2m04s left");
        assertThat(lines.finished(3, 0, START.plusSeconds(92))).as("40% told already").isEmpty();
        assertThat(lines.estimatedEnd(4_200, START.plusSeconds(92)))
                .contains(Instant.parse("2026-01-01T10:03:39.048Z"));
        assertThat(lines.finished(5_800, 0, START.plusSeconds(3_700)))
                .contains("report.txt: 10,000 / 10,000 lines, 3 failed, done in 1h01m");
    }

    @Test
    void should_estimate_nothing_before_a_line_is_done() {
        assertThat(new FileLines("a.txt", 10, START).estimatedEnd(0, START.plusSeconds(5))).isEmpty();
    }

    @Test
    void should_jump_to_the_highest_tenth_crossed() {
        FileLines lines = new FileLines("a.txt", 100, START);

        assertThat(lines.finished(35, 0, START.plusSeconds(35)))
                .contains("a.txt: 35 / 100 lines, 0 failed, 1m05s left");
        assertThat(lines.finished(4, 0, START.plusSeconds(39))).isEmpty();
    }

    @Test
    void should_tell_each_tenth_once_when_lines_finish_on_many_threads() throws Exception {
        FileLines lines = new FileLines("a.txt", 10_000, START);
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 10_000; i++) {
            pool.execute(() -> lines.finished(1, 0, START.plus(Duration.ofSeconds(1))).ifPresent(told::add));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(lines.done()).isEqualTo(10_000);
        assertThat(told).hasSize(10);
    }
}
