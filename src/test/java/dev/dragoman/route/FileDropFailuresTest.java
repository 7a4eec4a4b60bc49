package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.StubServers;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Files that cannot be translated end in the failed folder with their reason; nothing shows a key in full. */
class FileDropFailuresTest extends DragomanTestSupport {

    static final String KEY_ONE = "sk-secret-one-111111111111";
    static final String KEY_TWO = "sk-secret-two-222222222222";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        properties.put("dragoman.provider.stub.url", provider.baseUrl());
        properties.put("dragoman.provider.stub.keys", KEY_ONE + "|" + KEY_TWO);
        properties.put("dragoman.provider.stub.model", "stub-model");
        return properties;
    }

    @Test
    void should_move_a_file_that_is_not_utf8_to_failed_with_the_reason() throws Exception {
        drop("latin1.txt", "café\n".getBytes(StandardCharsets.ISO_8859_1));

        String reason = Files.readString(awaitFile(failed().resolve("latin1.txt.error.txt"), Duration.ofSeconds(30)));
        assertThat(reason).contains("not valid UTF-8");
        assertThat(awaitFile(failed().resolve("latin1.txt"), Duration.ofSeconds(10)))
                .hasBinaryContent("café\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void should_fail_the_file_when_the_provider_refuses_the_request() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(
                OpenAiStub.error(400, "invalid_request_error", "invalid_value", "Unsupported parameter: top_k")));
        drop("refused.txt", "one\ntwo\n".getBytes(StandardCharsets.UTF_8));

        String reason = Files.readString(awaitFile(failed().resolve("refused.txt.error.txt"), Duration.ofSeconds(30)));
        assertThat(reason).contains("stub: HTTP 400 invalid_value: Unsupported parameter: top_k");
        assertThat(awaitFile(failed().resolve("refused.txt"), Duration.ofSeconds(10))).hasContent("one\ntwo\n");
        assertThat(outbox().resolve("refused.txt")).doesNotExist();
    }

    @Test
    void should_fail_the_file_when_every_key_is_rejected_and_never_log_a_key() throws Exception {
        // a provider that echoes the key it refused, as OpenAI does in part
        provider.stubFor(post(OpenAiStub.PATH).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: {{request.headers.Authorization}}\","
                        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
                .withTransformers("response-template")));

        try (CapturedLog log = new CapturedLog()) {
            drop("rejected.txt", "Hello\n".getBytes(StandardCharsets.UTF_8));
            String reason = Files.readString(
                    awaitFile(failed().resolve("rejected.txt.error.txt"), Duration.ofSeconds(30)));

            assertThat(reason).contains("every key is rejected", "Incorrect API key provided: Bearer sk-…");
            assertThat(log.text()).contains("taken out of rotation", "rejected.txt failed");
            for (String key : new String[] { KEY_ONE, KEY_TWO }) {
                assertThat(reason).doesNotContain(key);
                assertThat(log.text()).doesNotContain(key);
            }
        }
        assertThat(provider.getAllServeEvents()).as("each key is tried once, then no more").hasSize(2);
    }
}
