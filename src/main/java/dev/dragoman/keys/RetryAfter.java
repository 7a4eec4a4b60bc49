package dev.dragoman.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads how long a provider asks the client to wait, in the order the official SDKs do: {@code retry-after-ms}, then
 * {@code Retry-After} as seconds or as an HTTP date.
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** @param header looks a response header up by name, case-insensitively */
    public static Optional<Duration> fromHeaders(Function<String, String> header, Clock clock) {
        String millis = header.apply("retry-after-ms");
        if (millis != null) {
            try {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.strip())));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String value = header.apply("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
