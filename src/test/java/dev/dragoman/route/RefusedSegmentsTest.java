package dev.dragoman.route;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;

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

/**
 * A batch whose one line the first instance refuses (its content filter answers 400 to any request holding it):
 * the first instance translates the other lines, and the refused line falls over to the next instance, as it would
 * sent alone, instead of failing with the first instance's refusal.
 */
class RefusedSegmentsTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension strict = StubServers.create();

    @RegisterExtension
    static WireMockExtension lenient = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "strict, lenient");
        properties.put("dragoman.strategy", "fallback");
        openAi(properties, "strict", strict.baseUrl(), "sk-strict-filter-key-00001", "strict-model");
        openAi(properties, "lenient", lenient.baseUrl(), "sk-lenient-open-key-00001", "lenient-model");
        return properties;
    }

    @Test
    void a_line_the_first_instance_refuses_inside_a_batch_falls_over_to_the_next() throws Exception {
        strict.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        strict.stubFor(post(OpenAiStub.PATH).withRequestBody(containing("Forbidden"))
                .willReturn(OpenAiStub.error(400, "invalid_request_error", "content_filter",
                        "The response was filtered due to the prompt triggering content management policy")));
        lenient.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        Reply reply = new HttpClientSupport(port()).postJson("/translate",
                Json.MAPPER.writeValueAsString(Map.of("texts", List.of("Hello", "Forbidden words", "World"))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode envelopes = reply.json();
        assertThat(envelopes).extracting(envelope -> envelope.get("translation").asText())
                .containsExactly("T:Hello", "T:Forbidden words", "T:World");
        assertThat(envelopes).extracting(envelope -> envelope.get("provider").asText())
                .containsExactly("strict", "lenient", "strict");
        assertThat(lenient.getAllServeEvents()).as("only the refused line").hasSize(1);
    }
}
