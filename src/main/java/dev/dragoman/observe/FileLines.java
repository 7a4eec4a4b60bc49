package dev.dragoman.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress of one file in flight: its lines to translate, how many finished (translated, cached or failed) and
 * failed, when it started, and the end the rate so far points to. Lines finish on many threads at once: the counts
 * are atomics, and each tenth of the file is reported by exactly one of them.
 */
final class FileLines {

    private final String file;
    private final long total;
    private final Instant started;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger reportedTenths = new AtomicInteger();

    FileLines(String file, long total, Instant started) {
        this.file = file;
        this.total = total;
        this.started = started;
    }

    String file() {
        return file;
    }

    long total() {
        return total;
    }

    long done() {
        return done.get();
    }

    long failed() {
        return failed.get();
    }

    Instant started() {
        return started;
    }

    /**
     * Lines finished, some of them failed; the progress line to log when they take the file into a tenth not reported
     * yet (once per tenth, the highest one reached when several are crossed at once), else empty.
     */
    Optional<String> finished(int lines, int failedLines, Instant now) {
        failed.addAndGet(failedLines);
        long doneNow = done.addAndGet(lines);
        int tenths = (int) Math.min(10, doneNow * 10 / Math.max(1, total));
        int reported = reportedTenths.get();
        while (tenths > reported) {
            if (reportedTenths.compareAndSet(reported, tenths)) {
                return Optional.of(progress(doneNow, now));
            }
            reported = reportedTenths.get();
        }
        return Optional.empty();
    }

    /** Where the rate so far ends, for a file that has lines done; empty before. */
    Optional<Instant> estimatedEnd(long doneNow, Instant now) {
        if (doneNow == 0) {
            return Optional.empty();
        }
        long elapsed = Duration.between(started, now).toMillis();
        return Optional.of(started.plusMillis(Math.round((double) elapsed * Math.max(total, doneNow) / doneNow)));
    }

    /** {@code report.txt: 4,200 / 10,000 lines, 3 failed, 2m10s left}; at the end, how long the file took. */
    private String progress(long doneNow, Instant now) {
        String counts = String.format(Locale.ROOT, "%s: %,d / %,d lines, %,d failed, ", file, doneNow, total,
                failed.get());
        return doneNow < total
                ? counts + span(Duration.between(now, estimatedEnd(doneNow, now).orElseThrow())) + " left"
                : counts + "done in " + span(Duration.between(started, now));
    }

    /** {@code 1h05m}, {@code 2m10s}, {@code 40s}. */
    static String span(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 500) / 1000);
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }
}
