package dev.dragoman.memory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.camel.ConsumerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.dragoman.provider.Json;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dragoman with its translation memory on, in an H2 file of the test's own folder, against a provider that answers
 * "T:" and the text: what the memory has costs no call, and what it is told is what the provider's reply said.
 */
class RememberedTranslationsTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-stub-key-000000000001", "stub-model");
        properties.put("dragoman.memory.enabled", "true");
        properties.put("dragoman.memory.url", "jdbc:h2:file:" + dir().resolve("data/memory") + ";AUTO_SERVER=TRUE");
        properties.put("dragoman.sinks", "seda:envelopes");
        return properties;
    }

    @Test
    void a_file_dropped_again_makes_no_provider_call_and_its_envelopes_say_cached() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        String text = "One\nTwo\n\nThree\n";
        String translated = "T:One\nT:Two\n\nT:Three\n";

        drop("story.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(awaitFile(outbox().resolve("story.txt"), Duration.ofSeconds(30))).hasContent(translated);
        assertThat(envelopes(3)).extracting(envelope -> envelope.get("cached").asBoolean()).containsOnly(false);
        assertThat(segmentsSent()).as("the three lines, in one batch").isEqualTo(3);
        int calls = provider.getAllServeEvents().size();

        Files.delete(outbox().resolve("story.txt"));
        drop("story.txt", text.getBytes(StandardCharsets.UTF_8));
        assertThat(awaitFile(outbox().resolve("story.txt"), Duration.ofSeconds(30))).hasContent(translated);
        List<JsonNode> again = envelopes(3);
        assertThat(again).extracting(envelope -> envelope.get("cached").asBoolean()).containsOnly(true);
        assertThat(again).allSatisfy(envelope -> assertThat(envelope.has("usage")).as("no tokens").isFalse());
        assertThat(again).extracting(envelope -> envelope.get("translation").asText())
                .containsExactlyInAnyOrder("T:One", "T:Two", "T:Three");
        assertThat(provider.getAllServeEvents()).as("no call for the second drop").hasSize(calls);
    }

    @Test
    void a_line_repeated_in_one_batch_is_sent_once_and_its_repeat_comes_as_from_the_memory() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        drop("repeats.txt", "Yes\nNo\nYes\nYes\n".getBytes(StandardCharsets.UTF_8));

        assertThat(awaitFile(outbox().resolve("repeats.txt"), Duration.ofSeconds(30)))
                .hasContent("T:Yes\nT:No\nT:Yes\nT:Yes\n");
        assertThat(segmentsSent()).as("Yes and No, once each").isEqualTo(2);
        assertThat(envelopes(4)).filteredOn(envelope -> envelope.get("cached").asBoolean())
                .as("the repeats of Yes").hasSize(2)
                .allSatisfy(envelope -> assertThat(envelope.has("usage")).as("no tokens").isFalse());
    }

    @Test
    void a_file_dropped_again_with_more_lines_costs_only_the_new_ones() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        drop("part.txt", "One\nTwo\n".getBytes(StandardCharsets.UTF_8));
        awaitFile(outbox().resolve("part.txt"), Duration.ofSeconds(30));

        drop("whole.txt", "One\nTwo\nThree\nFour\n".getBytes(StandardCharsets.UTF_8));

        assertThat(awaitFile(outbox().resolve("whole.txt"), Duration.ofSeconds(30)))
                .hasContent("T:One\nT:Two\nT:Three\nT:Four\n");
        assertThat(segmentsSent()).as("two lines for part.txt, then only the two new ones").isEqualTo(4);
    }

    /** The segments the provider was asked to translate: a batch's user message is a JSON array of them. */
    private static int segmentsSent() throws Exception {
        int segments = 0;
        for (var event : provider.getAllServeEvents()) {
            JsonNode messages = Json.MAPPER.readTree(event.getRequest().getBodyAsString()).path("messages");
            JsonNode user = Json.MAPPER.readTree(messages.get(messages.size() - 1).path("content").asText("\"\""));
            segments += user != null && user.isArray() ? user.size() : 1;
        }
        return segments;
    }

    @Test
    void a_remembered_text_is_answered_over_http_without_usage() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        HttpClientSupport http = new HttpClientSupport(port());

        Reply first = http.postJson("/translate", "{\"text\": \"Hello\", \"target_lang\": \"German\"}");
        Reply second = http.postJson("/translate", "{\"text\": \"Hello\", \"target_lang\": \"German\"}");

        assertThat(first.json().get("cached").asBoolean()).isFalse();
        assertThat(first.json().at("/usage/prompt_tokens").asInt()).isEqualTo(31);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("cached").asBoolean()).isTrue();
        assertThat(second.json().get("translation").asText()).isEqualTo("T:Hello");
        assertThat(second.json().get("provider").asText()).isEqualTo("stub");
        assertThat(second.json().get("model").asText()).isEqualTo("stub-model");
        assertThat(second.json().has("usage")).isFalse();
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @Test
    void another_target_language_is_another_text() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        HttpClientSupport http = new HttpClientSupport(port());

        http.postJson("/translate", "{\"text\": \"Hello\", \"target_lang\": \"German\"}");
        Reply french = http.postJson("/translate", "{\"text\": \"Hello\", \"target_lang\": \"French\"}");

        assertThat(french.json().get("cached").asBoolean()).isFalse();
        assertThat(provider.getAllServeEvents()).hasSize(2);
    }

    @Test
    void a_failed_translation_is_not_remembered() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(
                OpenAiStub.error(400, "invalid_request_error", "bad_request", "This request is not valid")));
        HttpClientSupport http = new HttpClientSupport(port());
        assertThat(http.postJson("/translate", "{\"text\": \"Hello\"}").status()).isEqualTo(502);

        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        Reply retried = http.postJson("/translate", "{\"text\": \"Hello\"}");

        assertThat(retried.json().get("cached").asBoolean()).isFalse();
        assertThat(retried.json().get("translation").asText()).isEqualTo("T:Hello");
        assertThat(provider.getAllServeEvents()).hasSize(2);
    }

    private List<JsonNode> envelopes(int count) throws Exception {
        ConsumerTemplate consumer = context.createConsumerTemplate();
        List<JsonNode> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String json = consumer.receiveBody("seda:envelopes", 10_000, String.class);
            assertThat(json).as("envelope %d reached the sink", i).isNotNull();
            received.add(Json.MAPPER.readTree(json));
        }
        return received;
    }
}
