package dev.dragoman.observe;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.PrometheusSamples;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 2,000-line file through a stand-in that takes 40 ms a call, 10 lines a call, 2 calls at a time (some 4 seconds in
 * all): while it runs, {@code GET /files} shows its lines done growing towards the total and the scrape has
 * {@code dragoman_file_lines}; it logs each tenth; once written out it is gone from both.
 */
class FileProgressTest extends DragomanTestSupport {

    static final String TOKEN = "file-progress-token-0001";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-test-aaaaaaaaaaaa0001", "stub-model");
        properties.put("dragoman.provider.stub.batch-lines", "10");
        properties.put("dragoman.provider.stub.concurrency", "2");
        properties.put("dragoman.http.tokens", TOKEN);
        return properties;
    }

    @Test
    void should_show_a_long_file_growing_in_files_and_metrics_and_log_each_tenth() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(40)));
        String text = IntStream.rangeClosed(1, 2000).mapToObj(i -> "Line " + i).collect(Collectors.joining("\n"));
        List<Long> readings = new ArrayList<>();
        String log;
        try (CapturedLog captured = new CapturedLog()) {
            drop("report.txt", text.getBytes(StandardCharsets.UTF_8));

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonNode files = get("/files").json();
                if (!files.isEmpty()) {
                    JsonNode file = files.get(0);
                    assertThat(file.path("file").asText()).isEqualTo("report.txt");
                    assertThat(file.path("total").asLong()).isEqualTo(2000);
                    assertThat(file.path("failed").asLong()).isZero();
                    assertThat(Instant.parse(file.path("started").asText())).isBeforeOrEqualTo(Instant.now());
                    long done = file.path("done").asLong();
                    if (done > 0 && done < 2000) {
                        assertThat(Instant.parse(file.path("estimatedEnd").asText()))
                                .isAfter(Instant.parse(file.path("started").asText()));
                        readings.add(done);
                    }
                }
                return readings.stream().distinct().count() >= 2;
            });
            assertThat(readings).as("lines done only grow").isSorted();

            PrometheusSamples metrics = PrometheusSamples.parse(get("/observe/metrics").body());
            assertThat(metrics.value("dragoman_file_lines", Map.of("file", "report.txt", "state", "total")))
                    .isEqualTo(2000);
            assertThat(metrics.value("dragoman_file_lines", Map.of("file", "report.txt", "state", "done")))
                    .isBetween((double) readings.get(readings.size() - 1), 2000.0);

            awaitFile(outbox().resolve("report.txt"), Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> get("/files").json().isEmpty());
            log = captured.text();
        }
        assertThat(PrometheusSamples.parse(get("/observe/metrics").body()).of("dragoman_file_lines", Map.of()))
                .as("no series for a file no longer in flight").isEmpty();
        for (int tenth = 1; tenth < 10; tenth++) {
            assertThat(log).containsPattern("FileProgress - report\\.txt: "
                    + String.format(Locale.ROOT, "%,d", tenth * 200) + " / 2,000 lines, 0 failed, \\d+s left");
        }
        assertThat(log).containsPattern("FileProgress - report\\.txt: 2,000 / 2,000 lines, 0 failed, done in \\d+s");
    }

    @Test
    void should_ask_for_a_token() throws Exception {
        assertThat(HttpClientSupport.send(new HttpClientSupport(port()).request("/files").GET().build()).status())
                .isEqualTo(401);
        assertThat(get("/files").body()).isEqualTo("[]");
    }

    private HttpClientSupport.Reply get(String path) throws Exception {
        HttpRequest request = new HttpClientSupport(port()).request(path).header("Authorization", "Bearer " + TOKEN)
                .GET().build();
        return HttpClientSupport.send(request);
    }
}
