package dev.dragoman.route;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.dragoman.config.RetryRules;

/**
 * Exponential backoff with jitter: the n-th retry waits {@code backoff × 2^(n-1)}, capped at {@code max-backoff}, plus
 * up to half of that again at random, so that texts failing together do not retry together. Never less than the
 * first step: a provider's "retry now" ({@code Retry-After: 0}) is no reason to spin.
 */
final class Backoff {

    private Backoff() {
    }

    static Duration delay(RetryRules rules, int retry) {
        long step = rules.backoff().toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        long base = Math.max(rules.backoff().toMillis(), Math.min(step, rules.maxBackoff().toMillis()));
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** The longer of the two: a provider that asks for more time than the backoff gets it. */
    static Duration atLeast(Duration backoff, Duration asked) {
        return asked != null && asked.compareTo(backoff) > 0 ? asked : backoff;
    }
}
