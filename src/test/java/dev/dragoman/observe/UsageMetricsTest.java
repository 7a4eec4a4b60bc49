package dev.dragoman.observe;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.PrometheusSamples;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 13's metrics and usage against the running app: three keys behind a WireMock stand-in speaking the OpenAI
 * format (31 prompt and 12 completion tokens a reply), scraped from {@code /observe/metrics} and read from
 * {@code GET /usage}.
 */
class UsageMetricsTest extends DragomanTestSupport {

    static final String KEY_A = "sk-test-aaaaaaaaaaaa0001";
    static final String KEY_B = "sk-test-bbbbbbbbbbbb0002";
    static final String KEY_C = "sk-test-cccccccccccc0003";
    static final List<String> KEYS = List.of(KEY_A, KEY_B, KEY_C);
    static final double PRICE_PROMPT = 0.27;
    static final double PRICE_COMPLETION = 1.10;
    static final List<String> OUTCOMES = List.of("ok", "rate_limited", "rejected", "transient", "refused",
            "invalid_reply");

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private final HttpClientSupport http = new HttpClientSupport(port());

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), String.join("|", KEYS), "stub-model");
        // a call per text, so that texts are calls to count per key
        properties.put("dragoman.provider.stub.batch-lines", "1");
        properties.put("dragoman.provider.stub.concurrency", "1");
        properties.put("dragoman.provider.stub.price-prompt", String.valueOf(PRICE_PROMPT));
        properties.put("dragoman.provider.stub.price-completion", String.valueOf(PRICE_COMPLETION));
        return properties;
    }

    @Test
    void should_count_every_call_by_key_and_outcome_with_its_tokens_and_cost() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + KEY_C))
                .willReturn(OpenAiStub.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key")));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + KEY_B))
                .inScenario("rate").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                                + "\"code\":\"rate_limit_exceeded\"}}")));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + KEY_B))
                .inScenario("rate").whenScenarioStateIs("served").willReturn(OpenAiStub.echo()));

        // in parallel, so that the texts spread over the keys
        HttpClientSupport.Reply reply = http.postJson("/translate", IntStream.rangeClosed(1, 30)
                .mapToObj(i -> "\"Hello " + i + "\"").collect(Collectors.joining(", ", "{\"texts\": [", "]}")));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);

        PrometheusSamples metrics = scrape();
        JsonNode usage = http.get("/usage").json();
        Map<String, Map<Integer, Long>> served = servedByKeyAndStatus();
        assertThat(served.values().stream().mapToLong(statuses -> statuses.values().stream()
                .mapToLong(Long::longValue).sum()).sum()).as("30 translations, a 429 and a 401").isEqualTo(32);
        for (String key : KEYS) {
            Map<Integer, Long> answers = served.getOrDefault(key, Map.of());
            String masked = new ApiKey(key).masked();
            Map<String, Long> expected = Map.of("ok", answers.getOrDefault(200, 0L),
                    "rate_limited", answers.getOrDefault(429, 0L), "rejected", answers.getOrDefault(401, 0L));
            JsonNode keyUsage = keyOf(usage.at("/instances/0/keys"), masked);
            for (String outcome : OUTCOMES) {
                double count = metrics.value("dragoman_provider_requests_total",
                        Map.of("instance", "stub", "key", masked, "outcome", outcome));
                assertThat((long) count).as(masked + " " + outcome).isEqualTo(expected.getOrDefault(outcome, 0L));
                assertThat(keyUsage.at("/requests/" + outcome).asLong()).as("/usage " + masked + " " + outcome)
                        .isEqualTo((long) count);
            }
            assertThat(keyUsage.get("promptTokens").asLong()).isEqualTo(31 * expected.get("ok"));
            assertThat(keyUsage.get("completionTokens").asLong()).isEqualTo(12 * expected.get("ok"));
        }
        assertThat(metrics.sum("dragoman_provider_requests_total", Map.of("outcome", "ok"))).isEqualTo(30);
        assertThat(metrics.sum("dragoman_provider_requests_total", Map.of("outcome", "rate_limited"))).isEqualTo(1);
        assertThat(metrics.sum("dragoman_provider_requests_total", Map.of("outcome", "rejected"))).isEqualTo(1);

        double prompt = metrics.value("dragoman_tokens_total",
                Map.of("instance", "stub", "model", "stub-model", "kind", "prompt"));
        double completion = metrics.value("dragoman_tokens_total",
                Map.of("instance", "stub", "model", "stub-model", "kind", "completion"));
        assertThat(prompt).as("the stand-in's usage: 31 prompt tokens a reply").isEqualTo(30 * 31);
        assertThat(completion).as("12 completion tokens a reply").isEqualTo(30 * 12);
        double cost = metrics.value("dragoman_cost_total", Map.of("instance", "stub", "model", "stub-model"));
        assertThat(cost).isCloseTo((prompt * PRICE_PROMPT + completion * PRICE_COMPLETION) / 1_000_000,
                within(1e-12));

        assertThat(metrics.value("dragoman_provider_request_seconds_count", Map.of("instance", "stub")))
                .isEqualTo(32);
        assertThat(metrics.value("dragoman_provider_request_seconds_bucket", Map.of("instance", "stub", "le", "+Inf")))
                .isEqualTo(32);
        assertThat(metrics.of("dragoman_provider_request_seconds_bucket", Map.of("instance", "stub")))
                .as("buckets for histogram_quantile").hasSizeGreaterThan(10);
        assertThat(metrics.value("dragoman_translations_total", Map.of("source", "http", "outcome", "translated")))
                .isEqualTo(30);
        assertThat(metrics.sum("dragoman_translations_total", Map.of("source", "file"))).isZero();
        String rejected = new ApiKey(KEY_C).masked();
        assertThat(metrics.value("dragoman_key_state", Map.of("instance", "stub", "key", rejected, "state",
                "rejected"))).isEqualTo(1);
        assertThat(metrics.value("dragoman_key_state", Map.of("instance", "stub", "key", rejected, "state",
                "active"))).isZero();
        assertThat(metrics.value("dragoman_key_state", Map.of("instance", "stub", "key", new ApiKey(KEY_A).masked(),
                "state", "active"))).isEqualTo(1);
        assertThat(metrics.value("dragoman_in_flight", Map.of("source", "http"))).isZero();
        assertThat(metrics.all()).as("Camel's own route metrics stay on for the route the texts came in by")
                .anyMatch(sample -> sample.name().startsWith("camel_exchanges")
                        && "http-translate".equals(sample.labels().get("routeId")));
        assertThat(metrics.all()).as("but not for the internal routes each text passes (EntryRouteMetrics)")
                .noneMatch(sample -> sample.name().startsWith("camel_exchanges")
                        && List.of("translate", "dispatch", "provider-stub").contains(sample.labels().get("routeId")))
                .noneMatch(sample -> sample.name().startsWith("camel_exchange_event_notifier"));

        JsonNode instance = usage.at("/instances/0");
        assertThat(instance.get("instance").asText()).isEqualTo("stub");
        assertThat(instance.get("model").asText()).isEqualTo("stub-model");
        for (String outcome : OUTCOMES) {
            assertThat(instance.at("/requests/" + outcome).asLong()).as(outcome).isEqualTo(
                    (long) metrics.sum("dragoman_provider_requests_total", Map.of("outcome", outcome)));
        }
        assertThat(instance.get("promptTokens").asLong()).isEqualTo((long) prompt);
        assertThat(instance.get("completionTokens").asLong()).isEqualTo((long) completion);
        assertThat(instance.get("cost").asDouble()).isCloseTo(cost, within(1e-12));
        assertThat(usage.at("/translations/http/translated").asLong()).isEqualTo(30);
        assertThat(usage.at("/translations/file/translated").asLong()).isZero();
        assertThat(usage.get("activity")).hasSize(15);
        assertThat(StreamSupport.stream(usage.get("activity").spliterator(), false)
                .mapToLong(minute -> minute.get("http").asLong()).sum()).isEqualTo(30);
    }

    @Test
    void should_count_a_refused_text_as_failed_and_its_call_as_refused() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("forbidden"))
                .willReturn(OpenAiStub.error(400, "invalid_request_error", "content_filter", "content policy")));

        HttpClientSupport.Reply reply = http.postJson("/translate",
                "{\"texts\": [\"one\", \"two\", \"forbidden\", \"four\"]}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(207);
        PrometheusSamples metrics = scrape();
        assertThat(metrics.value("dragoman_translations_total", Map.of("source", "http", "outcome", "translated")))
                .isEqualTo(3);
        assertThat(metrics.value("dragoman_translations_total", Map.of("source", "http", "outcome", "failed")))
                .isEqualTo(1);
        assertThat(metrics.sum("dragoman_provider_requests_total", Map.of("outcome", "refused"))).isEqualTo(1);
        assertThat(metrics.sum("dragoman_provider_requests_total", Map.of("outcome", "ok"))).isEqualTo(3);
        JsonNode usage = http.get("/usage").json();
        assertThat(usage.at("/translations/http/failed").asLong()).isEqualTo(1);
        assertThat(usage.at("/instances/0/requests/refused").asLong()).isEqualTo(1);
    }

    private PrometheusSamples scrape() throws Exception {
        HttpClientSupport.Reply reply = http.get("/observe/metrics");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        return PrometheusSamples.parse(reply.body());
    }

    /** What the stand-in answered, by the key (in full) each request carried and the status. */
    private static Map<String, Map<Integer, Long>> servedByKeyAndStatus() {
        return provider.getAllServeEvents().stream().collect(Collectors.groupingBy(
                (ServeEvent event) -> event.getRequest().getHeader("Authorization").substring("Bearer ".length()),
                Collectors.groupingBy(event -> event.getResponse().getStatus(), Collectors.counting())));
    }

    private static JsonNode keyOf(JsonNode keys, String masked) {
        return StreamSupport.stream(keys.spliterator(), false).filter(key -> key.get("key").asText().equals(masked))
                .findFirst().orElseThrow(() -> new AssertionError(masked + " not in " + keys));
    }
}
