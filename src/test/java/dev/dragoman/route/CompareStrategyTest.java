package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.StubServers;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code strategy=compare}: two instances with different models, and a third whose only key is refused. */
class CompareStrategyTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.strategy", "compare");
        properties.put("dragoman.providers", "fast,careful,broken");
        openAi(properties, "fast", provider.baseUrl(), "sk-fast-000000000001", "fast-model");
        openAi(properties, "careful", provider.baseUrl(), "sk-careful-000000002", "careful-model");
        openAi(properties, "broken", provider.baseUrl() + "/broken", "sk-broken-0000000003", "broken-model");
        return properties;
    }

    @BeforeEach
    void stubProviders() {
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("fast-model"))
                .willReturn(OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"quick\"}")));
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("careful-model"))
                .willReturn(OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"thorough\"}")));
        provider.stubFor(post("/broken/v1/chat/completions").willReturn(
                OpenAiStub.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key")));
    }

    @Test
    void should_return_one_translation_per_instance() throws Exception {
        Reply reply = new HttpClientSupport(port()).postJson("/translate", "{\"text\": \"Hello\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode envelope = reply.json();
        assertThat(envelope.has("translation")).isFalse();
        JsonNode translations = envelope.get("translations");
        assertThat(translations).hasSize(3);
        assertThat(translations.get(0).get("provider").asText()).isEqualTo("fast");
        assertThat(translations.get(0).get("translation").asText()).isEqualTo("quick");
        assertThat(translations.get(1).get("provider").asText()).isEqualTo("careful");
        assertThat(translations.get(1).get("translation").asText()).isEqualTo("thorough");
        assertThat(translations.get(2).get("provider").asText()).isEqualTo("broken");
        assertThat(translations.get(2).get("error").asText()).contains("every key is rejected");
        assertThat(translations.get(2).has("translation")).isFalse();
    }

    @Test
    void should_write_one_file_per_instance() throws Exception {
        drop("story.txt", "Once\n\nupon a time\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(awaitFile(outbox().resolve("story.fast.txt"), Duration.ofSeconds(30))))
                .isEqualTo("quick\n\nquick\n");
        assertThat(Files.readString(awaitFile(outbox().resolve("story.careful.txt"), Duration.ofSeconds(10))))
                .isEqualTo("thorough\n\nthorough\n");
        assertThat(Files.readString(awaitFile(outbox().resolve("story.broken.txt.error.txt"), Duration.ofSeconds(10))))
                .contains("every key is rejected");
        assertThat(outbox().resolve("story.txt")).doesNotExist();
    }
}
