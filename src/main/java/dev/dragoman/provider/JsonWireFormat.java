package dev.dragoman.provider;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.keys.RetryAfter;

/**
 * What the JSON-over-HTTP formats share: the headers, the request body with the user's extra-body merged last, the
 * sampling options under each format's own names, the wording of an error with the wait its headers ask for, and the
 * {@code data[].id} model list.
 */
public abstract class JsonWireFormat implements WireFormat {

    /**
     * The names a format gives the sampling options, each written only when the user set it; a null name is an option
     * the format has no field for (or writes itself).
     */
    public record SamplingFields(String temperature, String topP, String topK, String maxTokens,
            String presencePenalty, String frequencyPenalty, String stop) {

        public void write(ObjectNode target, ProviderSettings provider) {
            put(target, temperature, provider.temperature());
            put(target, topP, provider.topP());
            put(target, topK, provider.topK());
            put(target, maxTokens, provider.maxTokens());
            put(target, presencePenalty, provider.presencePenalty());
            put(target, frequencyPenalty, provider.frequencyPenalty());
            if (stop != null) {
                Json.putIfAny(target, stop, provider.stop());
            }
        }

        /** The same names without top-p, for formats that take only one of temperature and top-p. */
        public SamplingFields withoutTopP() {
            return new SamplingFields(temperature, null, topK, maxTokens, presencePenalty, frequencyPenalty, stop);
        }

        private static void put(ObjectNode target, String field, Number value) {
            if (field != null) {
                Json.putIfSet(target, field, value);
            }
        }
    }

    /** The configured extra headers plus content negotiation. */
    protected static Map<String, String> jsonHeaders(ProviderSettings provider) {
        Map<String, String> headers = new LinkedHashMap<>(provider.extraHeaders());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", provider.stream() ? "text/event-stream" : "application/json");
        return headers;
    }

    /** A POST of {@code body} with the user's extra-body merged in last, so that it can override any field. */
    protected static HttpCall post(String url, Map<String, String> headers, ObjectNode body,
            ProviderSettings provider) {
        Json.merge(body, provider.extraBody());
        return HttpCall.post(url, headers, body.toString().getBytes(StandardCharsets.UTF_8), provider.stream());
    }

    /** An error worded the one way ({@link ErrorText}), with the wait the provider asked for, if any. */
    protected static ProviderException failure(ErrorClass errorClass, int status, String code, String message,
            Optional<Duration> wait) {
        return ProviderException.of(errorClass, ErrorText.describe(status, code, message), wait.orElse(null));
    }

    /** The wait a {@code Retry-After} (or {@code retry-after-ms}) header asks for. */
    protected static Optional<Duration> retryAfter(Function<String, String> header) {
        return RetryAfter.fromHeaders(header, Clock.systemUTC());
    }

    /** An error object's {@code message}, else the raw body. */
    protected static String message(JsonNode error, String raw) {
        return error != null && error.hasNonNull("message") ? error.get("message").asText() : raw;
    }

    /** The ids of a {@code {"data": [{"id": …}, …]}} model list, in the provider's order. */
    protected static List<String> dataIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.path("data").forEach(model -> ids.add(model.path("id").asText()));
        ids.removeIf(String::isEmpty);
        return ids;
    }
}
