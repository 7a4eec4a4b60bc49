package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.provider.Json;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;
import dev.dragoman.translate.BatchRepairs;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Segments go to the provider in batches (batch-lines 20 by default) and come back aligned, also when the provider
 * merges or drops translations: a misaligned reply is split in halves and sent again, never guessed at.
 */
class BatchedRequestsTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private static final int LINES = 1000;

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-stub-key-000000000001|sk-stub-key-000000000002",
                "stub-model");
        return properties;
    }

    @Test
    void should_send_a_document_of_1000_lines_in_at_most_60_requests() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        assertEveryLineTranslated(translateDocument("document.txt"));

        assertThat(provider.getAllServeEvents()).hasSizeLessThanOrEqualTo(60);
        JsonNode request = Json.MAPPER.readTree(provider.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(request.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(request.at("/messages/0/content").asText())
                .startsWith("You are a professional translator.")
                .endsWith("The user message is a JSON array of 20 strings, each a text to translate. Reply with a JSON"
                        + " array of exactly 20 strings: the translation of each text, in the same order, nothing"
                        + " else.");
        assertThat(Json.MAPPER.readTree(request.at("/messages/1/content").asText())).hasSize(20);
        assertThat(repairs()).isZero();
    }

    @Test
    void should_keep_every_line_in_place_when_every_fifth_batch_merges_two_translations() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo("merge")));

        assertEveryLineTranslated(translateDocument("merged.txt"));

        assertThat(repairs()).isPositive();
    }

    @Test
    void should_keep_every_line_in_place_when_every_fifth_batch_drops_a_translation() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo("drop")));

        assertEveryLineTranslated(translateDocument("dropped.txt"));

        // 50 batches, every fifth of them and of the halves sent again misaligned
        assertThat(repairs()).isGreaterThanOrEqualTo(10);
        assertThat(provider.getAllServeEvents()).hasSizeLessThan(LINES / 4);
    }

    @Test
    void should_batch_the_texts_of_an_http_request_and_split_usage_to_the_token() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo("drop")));
        List<String> texts = IntStream.rangeClosed(1, 100).mapToObj(i -> "text " + "x".repeat(i % 13) + i).toList();

        Reply reply = new HttpClientSupport(port()).postJson("/translate",
                Json.MAPPER.writeValueAsString(java.util.Map.of("texts", texts)));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode envelopes = reply.json();
        assertThat(envelopes).hasSize(texts.size());
        long prompt = 0;
        long completion = 0;
        for (int i = 0; i < texts.size(); i++) {
            assertThat(envelopes.get(i).get("text").asText()).isEqualTo(texts.get(i));
            assertThat(envelopes.get(i).get("translation").asText()).as("text %d", i).isEqualTo("T:" + texts.get(i));
            prompt += envelopes.get(i).at("/usage/prompt_tokens").asLong();
            completion += envelopes.get(i).at("/usage/completion_tokens").asLong();
        }
        List<ServeEvent> calls = provider.getAllServeEvents();
        assertThat(calls).hasSizeLessThan(texts.size() / 2);
        assertThat(repairs()).isPositive();
        // what the stand-in counted, 31 prompt and 12 completion tokens a call, misaligned calls included
        assertThat(prompt).isEqualTo(31L * calls.size());
        assertThat(completion).isEqualTo(12L * calls.size());
    }

    private String translateDocument(String name) throws Exception {
        String text = IntStream.rangeClosed(1, LINES).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        drop(name, text.getBytes(StandardCharsets.UTF_8));
        return Files.readString(awaitFile(outbox().resolve(name), Duration.ofSeconds(120)), StandardCharsets.UTF_8);
    }

    private static void assertEveryLineTranslated(String output) {
        List<String> lines = output.lines().toList();
        assertThat(lines).hasSize(LINES);
        for (int i = 0; i < LINES; i++) {
            assertThat(lines.get(i)).as("line %d", i + 1).isEqualTo("T:line " + (i + 1));
        }
    }

    private long repairs() {
        return context.getRegistry().lookupByNameAndType("batchRepairs", BatchRepairs.class).count();
    }
}
