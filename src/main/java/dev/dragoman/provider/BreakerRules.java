package dev.dragoman.provider;

import java.time.Duration;

/**
 * When an instance's circuit breaker opens and how it closes again ({@code dragoman.breaker.*}, documented in
 * application.properties).
 *
 * @param failureRate   the percentage of failed calls, among the last {@code window}, that opens the breaker
 * @param minCalls      the calls it must have seen before it judges
 * @param window        how many of the last calls it judges
 * @param openWait      how long it stays open before it lets probe calls through
 * @param halfOpenCalls how many probe calls decide whether it closes again
 */
public record BreakerRules(int failureRate, int minCalls, int window, Duration openWait, int halfOpenCalls) {
}
