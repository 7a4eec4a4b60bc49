package dev.dragoman.provider.gemini;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.ErrorStatus;

/**
 * Reads a google.rpc.Status error body (https://ai.google.dev/gemini-api/docs/troubleshooting): an invalid key is a 400
 * whose details say {@code API_KEY_INVALID}; a 429 {@code RESOURCE_EXHAUSTED} says in {@code RetryInfo.retryDelay} how
 * long to wait, and a per-day quota (or a wait of an hour and more) will not clear by waiting, so it counts as a
 * used-up quota.
 */
final class GeminiErrors {

    /** A wait this long is a daily quota, not a rate limit. */
    static final Duration QUOTA_DELAY = Duration.ofHours(1);

    record Verdict(ErrorClass errorClass, Optional<Duration> retryDelay) {
    }

    private GeminiErrors() {
    }

    static Verdict classify(int status, JsonNode error) {
        JsonNode details = error == null ? null : error.path("details");
        if (details != null && details.toString().contains("API_KEY_INVALID")) {
            return new Verdict(ErrorClass.KEY_REJECTED, Optional.empty());
        }
        Optional<Duration> delay = retryDelay(details);
        if (status == 429) {
            boolean daily = details != null && details.toString().contains("PerDay");
            boolean longWait = delay.map(wait -> wait.compareTo(QUOTA_DELAY) >= 0).orElse(false);
            return new Verdict(daily || longWait ? ErrorClass.QUOTA_EXHAUSTED : ErrorClass.RATE_LIMITED, delay);
        }
        return new Verdict(ErrorStatus.classify(status), delay);
    }

    /** {@code RetryInfo.retryDelay}, a protobuf Duration such as {@code "38s"} or {@code "0.5s"}. */
    static Optional<Duration> retryDelay(JsonNode details) {
        if (details == null) {
            return Optional.empty();
        }
        for (JsonNode detail : details) {
            String delay = detail.path("retryDelay").asText("");
            if (detail.path("@type").asText("").endsWith("google.rpc.RetryInfo") && delay.endsWith("s")) {
                try {
                    double seconds = Double.parseDouble(delay.substring(0, delay.length() - 1));
                    return Optional.of(Duration.ofMillis((long) (seconds * 1000)));
                } catch (NumberFormatException notADuration) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
