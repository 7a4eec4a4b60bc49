package dev.dragoman.observe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.PrometheusSamples;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file's lines in one batched request: one call with the tokens of its one reply, and each line a translation of the
 * file drop; the usage written to the log at shutdown, keys masked.
 */
class BatchUsageMetricsTest extends DragomanTestSupport {

    static final String KEY = "sk-test-aaaaaaaaaaaa0001";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), KEY, "stub-model");
        properties.put("dragoman.provider.stub.price-prompt", "2");
        return properties;
    }

    @Test
    void should_count_a_batch_as_one_call_and_each_of_its_lines_as_a_translation() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        String text = IntStream.rangeClosed(1, 10).mapToObj(i -> "Line " + i).collect(Collectors.joining("\n"));

        drop("ten.txt", text.getBytes(StandardCharsets.UTF_8));
        Files.readString(awaitFile(outbox().resolve("ten.txt"), Duration.ofSeconds(30)));

        PrometheusSamples metrics = PrometheusSamples.parse(new HttpClientSupport(port()).get("/observe/metrics")
                .body());
        String masked = new ApiKey(KEY).masked();
        assertThat(metrics.value("dragoman_provider_requests_total",
                Map.of("instance", "stub", "key", masked, "outcome", "ok"))).isEqualTo(1);
        assertThat(metrics.value("dragoman_translations_total", Map.of("source", "file", "outcome", "translated")))
                .isEqualTo(10);
        assertThat(metrics.value("dragoman_tokens_total", Map.of("instance", "stub", "kind", "prompt")))
                .isEqualTo(31);
        assertThat(metrics.value("dragoman_cost_total", Map.of("instance", "stub")))
                .as("only price-prompt set: the completion tokens cost nothing").isEqualTo(31 * 2 / 1e6);
        assertThat(metrics.value("dragoman_in_flight", Map.of("source", "file"))).isZero();

        String log;
        try (CapturedLog captured = new CapturedLog()) {
            context.stop();
            log = captured.text();
        }
        assertThat(log).contains("stub (stub-model): 1 requests (1 ok), 31 prompt + 12 completion tokens, cost"
                + " 0.000062; keys: " + masked + " 1 requests (1 ok)").doesNotContain(KEY);
    }
}
