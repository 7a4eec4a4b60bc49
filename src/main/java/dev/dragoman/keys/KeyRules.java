package dev.dragoman.keys;

import java.time.Duration;

/**
 * How long keys rest after what providers answer about them ({@code dragoman.keys.*}, documented in
 * application.properties).
 *
 * @param maxCooldown     the longest rest after a rate limit, whatever the provider asks
 * @param defaultCooldown the rest after a rate limit that does not say how long
 * @param minCooldown     the shortest rest of all: a {@code Retry-After: 0} or a date in the past never means "now"
 * @param recheck         how long a rejected key stays out before one real request probes it again
 * @param quotaRest       the rest after a used-up quota or daily limit that does not say until when
 */
public record KeyRules(Duration maxCooldown, Duration defaultCooldown, Duration minCooldown, Duration recheck,
        Duration quotaRest) {
}
