package dev.dragoman.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.dragoman.config.TestSettings;
import dev.dragoman.translate.ContextPair;
import dev.dragoman.translate.GlossaryTerm;
import dev.dragoman.translate.TranslationRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks every dialect's unit test runs on its own rows, written once: each {@code <X>DialectTest} in the
 * dialect's test package holds only its rows (error replies, addresses, model lists, request details) and calls
 * these. Instances are built from options the way the application builds them, so each row runs through the
 * dialect its platform or address gets.
 */
public final class DialectCases {

    private DialectCases() {
    }

    /** The options of an instance of a platform preset, with a model so platforms without a default one work too. */
    public static Map<String, String> platform(String platform) {
        return Map.of("platform", platform, "model", "some-model");
    }

    /** The wire format of an instance made from these options. */
    public static WireFormat wireFormat(Map<String, String> options) {
        return TestSettings.wireFormat(TestSettings.read("p", options));
    }

    /** An error reply becomes an error of the expected class with the retry delay the provider gave, if any. */
    public static void assertSortsError(String platform, int status, String retryAfter, String body,
            ErrorClass expected, Double retrySeconds) {
        assertSortsError(platform(platform), status, retryAfter, body, expected, retrySeconds);
    }

    public static void assertSortsError(Map<String, String> options, int status, String retryAfter, String body,
            ErrorClass expected, Double retrySeconds) {
        ProviderException error = wireFormat(options).error(status, Json.tryParse(body).orElse(null), body,
                name -> "Retry-After".equalsIgnoreCase(name) ? retryAfter : null);

        assertThat(error.errorClass()).isEqualTo(expected);
        assertThat(error.getMessage()).startsWith("HTTP " + status);
        assertThat(error.retryAfter().orElse(null))
                .isEqualTo(retrySeconds == null ? null : Duration.ofMillis((long) (retrySeconds * 1000)));
    }

    /**
     * An error inside a successful whole reply ({@code where} is {@code reply}) or stream event ({@code event})
     * fails with the expected class rather than reading as a translation.
     */
    public static void assertFailsInsideSuccess(String platform, String where, String body, ErrorClass expected) {
        WireFormat format = wireFormat(platform(platform));
        ReplyBuilder reply = new ReplyBuilder();
        assertThatThrownBy(() -> {
            if ("reply".equals(where)) {
                format.readReply(Json.tryParse(body).orElseThrow(), reply);
            } else {
                format.readEvent(new SseEvent(null, body), reply);
            }
        }).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.errorClass()).isEqualTo(expected));
    }

    /** A url alone selects this dialect. */
    public static void assertDetects(String url, String dialect) {
        assertThat(Dialects.detect(url).name()).isEqualTo(dialect);
    }

    /** The call that translates {@code Hello} into French. */
    public static HttpCall request(Map<String, String> options) {
        return request(options, new TranslationRequest("1", "Hello", "auto", "French", null));
    }

    public static HttpCall request(Map<String, String> options, TranslationRequest request) {
        ProviderSettings settings = TestSettings.read("p", options);
        return TestSettings.wireFormat(settings).request(settings, request);
    }

    /**
     * {@code Hello} into French after three earlier texts of its document, {@code One}, {@code Two}, {@code Three}
     * (translated {@code Un}, {@code Deux}, {@code Trois}), with the glossary term {@code Hello → Bonjour}.
     */
    public static TranslationRequest requestInContext() {
        return new TranslationRequest("1", "Hello", "auto", "French", null,
                List.of(new ContextPair("One", "Un"), new ContextPair("Two", "Deux"), new ContextPair("Three", "Trois")),
                List.of(new GlossaryTerm("Hello", "Bonjour")), null, null);
    }

    /** The JSON body of {@link #requestInContext()} for an instance made from these options. */
    public static JsonNode requestInContextBody(Map<String, String> options) throws IOException {
        return body(request(options, requestInContext()));
    }

    /** Each message of a messages-array body (OpenAI, Claude, Cohere) as {@code role: content}. */
    public static List<String> turns(JsonNode messages) {
        List<String> turns = new ArrayList<>();
        messages.forEach(message -> turns.add(message.path("role").asText() + ": " + message.path("content").asText()));
        return turns;
    }

    /** The JSON body of the call that translates {@code Hello} into French. */
    public static JsonNode requestBody(Map<String, String> options) throws IOException {
        return body(request(options));
    }

    public static JsonNode body(HttpCall call) throws IOException {
        return Json.MAPPER.readTree(new String(call.body(), StandardCharsets.UTF_8));
    }

    /** The model-list call of an instance made from these options. */
    public static HttpCall modelsRequest(Map<String, String> options) {
        return wireFormat(options).modelsRequest(TestSettings.read("p", options));
    }

    /** The models an instance made from these options reads from a model-list reply. */
    public static List<String> models(Map<String, String> options, String reply) throws IOException {
        return wireFormat(options).readModels(Json.MAPPER.readTree(reply));
    }
}
