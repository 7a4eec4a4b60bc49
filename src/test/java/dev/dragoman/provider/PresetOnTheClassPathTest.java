package dev.dragoman.provider;

import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new OpenAI-compatible platform is one line in a platform file and nothing else: the tests' own
 * {@code dragoman/platforms.csv} (src/test/resources) defines {@code acme-relay}, and an instance configured with only
 * that platform and its keys translates. The address is the one setting added, because the stand-in listens on a
 * port of the moment rather than on the preset's address; the model comes from the preset.
 */
class PresetOnTheClassPathTest extends DragomanTestSupport {

    static final String KEY = "sk-acme-test-key-00000001";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "acme");
        properties.put("dragoman.provider.acme.platform", "acme-relay");
        properties.put("dragoman.provider.acme.keys", KEY);
        properties.put("dragoman.provider.acme.url", provider.baseUrl());
        return properties;
    }

    @Test
    void should_translate_through_a_preset_from_another_file() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).withRequestBody(matchingJsonPath("$.model", equalTo("acme-translate-1")))
                .willReturn(OpenAiStub.echo()));

        Reply reply = new HttpClientSupport(port()).postJson("/translate", "{\"text\": \"Hello\"}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode envelope = reply.json();
        assertThat(envelope.get("translation").asText()).isEqualTo("T:Hello");
        assertThat(envelope.get("provider").asText()).isEqualTo("acme");
        assertThat(provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("acme-translate-1"))))).hasSize(1);
    }

    @Test
    void should_know_the_shipped_presets_and_the_added_ones_alike() {
        assertThat(Platforms.all()).containsKeys("openai", "qwen", "dashscope", "azure", "acme-relay", "acme");
        assertThat(Platforms.byName("acme").orElseThrow())
                .isEqualTo(new Platforms.Preset("acme", "https://llm.acme.example/v1", "openai", "acme-translate-1"));
    }
}
