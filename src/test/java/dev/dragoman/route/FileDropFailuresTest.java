package dev.dragoman.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.StubServers;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Files that cannot be translated end in the failed folder with their reason and the work done; files that failed
 * for a reason that may pass stay in the inbox until they can be translated; nothing shows a key in full.
 */
class FileDropFailuresTest extends DragomanTestSupport {

    static final String KEY_ONE = "sk-secret-one-111111111111";
    static final String KEY_TWO = "sk-secret-two-222222222222";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    /** Hidden files in a folder: output written under a temporary name. */
    private static List<Path> leftovers(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        properties.put("dragoman.provider.stub.url", provider.baseUrl());
        properties.put("dragoman.provider.stub.keys", KEY_ONE + "|" + KEY_TWO);
        properties.put("dragoman.provider.stub.model", "stub-model");
        properties.put("dragoman.retry.transient-attempts", "0");
        properties.put("dragoman.file.retry-delay", "3s");
        // a line whose provider stays down gives up after this, rather than riding out a long outage
        properties.put("dragoman.deadline", "5s");
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
    void should_keep_the_lines_translated_when_some_lines_are_refused_for_good() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).atPriority(1)
                // a content filter refuses the line alone or the whole batch that holds it
                .withRequestBody(matchingJsonPath("$.messages[1].content", matching("refuse me|.*\"refuse me\".*")))
                .willReturn(OpenAiStub.error(400, "invalid_request_error", "content_policy_violation",
                        "Your request was rejected as a result of our safety system.")));
        drop("mixed.txt", "one\n\nrefuse me\n  three\nrefuse me\n".getBytes(StandardCharsets.UTF_8));

        String reason = Files.readString(awaitFile(failed().resolve("mixed.txt.error.txt"), Duration.ofSeconds(30)));
        assertThat(reason).contains("2 of 5 lines could not be translated", "mixed.partial.txt",
                "line 3: stub: HTTP 400 content_policy_violation: Your request was rejected",
                "line 5: stub: HTTP 400");
        assertThat(failed().resolve("mixed.partial.txt")).hasContent("T:one\n\nrefuse me\n  T:three\nrefuse me\n");
        assertThat(awaitFile(failed().resolve("mixed.txt"), Duration.ofSeconds(10)))
                .hasContent("one\n\nrefuse me\n  three\nrefuse me\n");
        assertThat(outbox().resolve("mixed.txt")).doesNotExist();
        assertThat(leftovers(outbox())).isEmpty();
    }

    @Test
    void should_fail_every_line_when_the_provider_refuses_the_request() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(
                OpenAiStub.error(400, "invalid_request_error", "invalid_value", "Unsupported parameter: top_k")));
        drop("refused.txt", "one\ntwo\n".getBytes(StandardCharsets.UTF_8));

        String reason = Files.readString(awaitFile(failed().resolve("refused.txt.error.txt"), Duration.ofSeconds(30)));
        assertThat(reason).contains("line 1: stub: HTTP 400 invalid_value: Unsupported parameter: top_k",
                "line 2: stub: HTTP 400 invalid_value: Unsupported parameter: top_k");
        assertThat(awaitFile(failed().resolve("refused.txt"), Duration.ofSeconds(10))).hasContent("one\ntwo\n");
        assertThat(failed().resolve("refused.partial.txt")).hasContent("one\ntwo\n");
        assertThat(outbox().resolve("refused.txt")).doesNotExist();
    }

    @Test
    void should_leave_a_file_in_the_inbox_during_an_outage_and_translate_it_after() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).atPriority(1)
                // alone or in its batch
                .withRequestBody(matchingJsonPath("$.messages[1].content", matching("line 1500|.*\"line 1500\".*")))
                .willReturn(aResponse().withStatus(503).withBody("upstream connect error")));
        // the outage hits the second chunk of lines: the first chunk's output must not stay in the outbox either
        String text = IntStream.rangeClosed(1, 1600).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());

        try (CapturedLog log = new CapturedLog()) {
            drop("outage.txt", text.getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(60)).until(() -> log.text().contains("outage.txt stays in the inbox"));
            // the first line of the batch of 20 that holds line 1500
            assertThat(log.text()).contains("outage.txt line 1481: stub: ");
        }
        assertThat(inbox().resolve("outage.txt")).hasContent(text);
        assertThat(failed()).doesNotExist();
        assertThat(leftovers(outbox())).isEmpty();

        provider.removeStub(provider.getStubMappings().stream().filter(m -> m.getPriority() != null).findFirst()
                .orElseThrow());
        assertThat(awaitFile(outbox().resolve("outage.txt"), Duration.ofSeconds(60)))
                .hasContent(text.replace("line ", "T:line "));
        assertThat(inbox().resolve(".done/outage.txt")).exists();
    }

    @Test
    void should_keep_the_file_when_every_key_is_rejected_and_never_log_a_key() throws Exception {
        // a provider that echoes the key it refused, as OpenAI does in part
        provider.stubFor(post(OpenAiStub.PATH).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: {{request.headers.Authorization}}\","
                        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
                .withTransformers("response-template")));

        try (CapturedLog log = new CapturedLog()) {
            drop("rejected.txt", "Hello\n".getBytes(StandardCharsets.UTF_8));
            // rejected keys are re-probed: the file waits in the inbox for them rather than failing
            await().atMost(Duration.ofSeconds(30)).until(() -> log.text().contains("rejected.txt stays in the inbox"));

            assertThat(log.text()).contains("taken out of rotation", "every key is rejected",
                    "Incorrect API key provided: Bearer sk-…");
            for (String key : new String[] { KEY_ONE, KEY_TWO }) {
                assertThat(log.text()).doesNotContain(key);
            }
        }
        assertThat(inbox().resolve("rejected.txt")).exists();
        assertThat(failed()).doesNotExist();
        assertThat(provider.getAllServeEvents()).as("each key is tried once, then no more").hasSize(2);
    }
}
