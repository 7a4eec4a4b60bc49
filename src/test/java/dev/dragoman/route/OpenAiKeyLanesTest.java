package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.BeanInject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.config.Providers;
import dev.dragoman.keys.ApiKey;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Three keys behind the load balancer, against a WireMock server speaking the OpenAI format. */
class OpenAiKeyLanesTest extends DragomanTestSupport {

    static final String KEY_A = "sk-test-aaaaaaaaaaaa0001";
    static final String KEY_B = "sk-test-bbbbbbbbbbbb0002";
    static final String KEY_C = "sk-test-cccccccccccc0003";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @BeanInject
    Providers providers;

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        properties.put("dragoman.provider.stub.url", provider.baseUrl());
        properties.put("dragoman.provider.stub.keys", KEY_A + "|" + KEY_B + "|" + KEY_C);
        properties.put("dragoman.provider.stub.model", "stub-model");
        // one call per key at a time, so that what a key answered is known before its next call
        properties.put("dragoman.provider.stub.concurrency", "1");
        // a call per line, so that lines are calls to count per key
        properties.put("dragoman.provider.stub.batch-lines", "1");
        return properties;
    }

    private static String lines(int count, String prefix) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + " line " + i).collect(Collectors.joining("\n"))
                + "\n";
    }

    private String translate(String name, String text) throws Exception {
        drop(name, text.getBytes(StandardCharsets.UTF_8));
        return Files.readString(awaitFile(outbox().resolve(name), Duration.ofSeconds(60)));
    }

    private static List<LoggedRequest> requestsWith(String key) {
        return provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withHeader("Authorization", equalTo("Bearer " + key)));
    }

    @Test
    void should_spread_segments_evenly_over_the_keys() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        String text = lines(30, "Hello");
        String translated = translate("thirty.txt", text);

        assertThat(translated).isEqualTo(text.lines().map(line -> "T:" + line + "\n").collect(Collectors.joining()));
        assertThat(requestsWith(KEY_A)).hasSize(10);
        assertThat(requestsWith(KEY_B)).hasSize(10);
        assertThat(requestsWith(KEY_C)).hasSize(10);
        LoggedRequest first = requestsWith(KEY_A).get(0);
        assertThat(first.getBodyAsString()).contains("\"model\":\"stub-model\"", "\"role\":\"system\"");
    }

    @Test
    void should_keep_at_most_keys_times_concurrency_calls_in_flight() throws Exception {
        long delay = 300;
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay((int) delay)));

        translate("busy.txt", lines(24, "Busy"));

        List<Long> sent = provider.getAllServeEvents().stream()
                .map(event -> event.getRequest().getLoggedDate().getTime()).sorted().toList();
        // a call sent at t is unanswered until t + delay: count the calls sent while it was in flight
        int mostInFlight = sent.stream()
                .mapToInt(at -> (int) sent.stream().filter(other -> other >= at && other < at + delay).count())
                .max().orElse(0);
        assertThat(mostInFlight).as("3 keys x concurrency 1").isBetween(2, 3);
    }

    @Test
    void should_drop_a_rejected_key_and_rest_a_rate_limited_one() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + KEY_A))
                .willReturn(OpenAiStub.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key")));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + KEY_B))
                .inScenario("rate").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                                + "\"code\":\"rate_limit_exceeded\"}}")));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + KEY_B))
                .inScenario("rate").whenScenarioStateIs("served").willReturn(OpenAiStub.echo()));

        String first = lines(30, "First");
        assertThat(translate("first.txt", first)).isEqualTo(first.replaceAll("(?m)^", "T:"));

        ApiKey keyB = providers.byName("stub").orElseThrow().keys().keys().get(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> providers.byName("stub").orElseThrow().keys().usable(keyB));
        String second = lines(30, "Second");
        assertThat(translate("second.txt", second)).isEqualTo(second.replaceAll("(?m)^", "T:"));

        assertThat(requestsWith(KEY_A)).as("a key answered 401 gets no second request").hasSize(1);
        List<LoggedRequest> toB = requestsWith(KEY_B);
        long rateLimitedAt = toB.get(0).getLoggedDate().getTime();
        assertThat(toB).as("the rested key is used again").hasSizeGreaterThan(1);
        assertThat(toB.subList(1, toB.size())).allSatisfy(request ->
                assertThat(request.getLoggedDate().getTime() - rateLimitedAt).isGreaterThanOrEqualTo(2000));
        // 60 translations, plus the 401 and the 429 attempts: one HTTP request per attempt, nothing re-sent
        assertThat(provider.getAllServeEvents()).hasSize(62);
    }
}
