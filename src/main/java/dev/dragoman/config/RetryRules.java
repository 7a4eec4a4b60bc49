package dev.dragoman.config;

import java.time.Duration;

/**
 * How long and how often a text is retried ({@code dragoman.deadline}, {@code dragoman.retry.*}, documented in
 * application.properties).
 *
 * @param deadline         how long one text may take from entry to envelope, across every retry, key and instance
 * @param backoff          the first wait before a retry, doubled each time, with jitter
 * @param maxBackoff       the longest wait between two retries
 * @param maxWait          how long a text may wait for a free key of one instance before the next instance is tried
 * @param transientRetries how often one instance retries a transient failure or an invalid reply
 */
public record RetryRules(Duration deadline, Duration backoff, Duration maxBackoff, Duration maxWait,
        int transientRetries) {
}
