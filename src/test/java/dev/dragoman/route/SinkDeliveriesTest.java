package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.dragoman.provider.Json;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file translated in batches, with the translation memory on, reaches a sink that writes one file per envelope
 * ({@code fileName=${exchangeId}.json}, as application.properties suggests) with every line's envelope: none
 * overwritten, none missing, whether the line was translated or remembered.
 */
class SinkDeliveriesTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-stub-key-000000000001|sk-stub-key-000000000002", "m");
        properties.put("dragoman.provider.stub.batch-lines", "20");
        properties.put("dragoman.memory.enabled", "true");
        properties.put("dragoman.memory.url", "jdbc:h2:file:" + dir().resolve("data/memory") + ";AUTO_SERVER=TRUE");
        properties.put("dragoman.sinks", "file:" + envelopes() + "?fileName=${exchangeId}.json");
        return properties;
    }

    private Path envelopes() {
        return dir().resolve("envelopes");
    }

    @Test
    void every_line_of_a_batched_file_reaches_a_file_sink_once_remembered_or_not() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        // every fifth line repeats one before it: some lines come from the memory, some share a batch in flight
        List<String> lines = IntStream.rangeClosed(1, 100).mapToObj(i -> "Line " + (i % 5 == 0 ? i / 5 : i)).toList();

        drop("first.txt", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        awaitFile(outbox().resolve("first.txt"), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(delivered()).hasSize(100));
        assertThat(delivered()).extracting(envelope -> envelope.get("text").asText())
                .containsExactlyInAnyOrderElementsOf(lines);

        drop("again.txt", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        awaitFile(outbox().resolve("again.txt"), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(delivered()).hasSize(200));
        assertThat(delivered()).filteredOn(envelope -> envelope.get("cached").asBoolean()).hasSizeGreaterThanOrEqualTo(100);
    }

    private List<JsonNode> delivered() throws Exception {
        if (!Files.isDirectory(envelopes())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(envelopes())) {
            return files.filter(file -> file.toString().endsWith(".json")).map(SinkDeliveriesTest::read).toList();
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (Exception e) {
            throw new IllegalStateException(file + " is not an envelope", e);
        }
    }
}
