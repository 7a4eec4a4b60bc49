package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.provider.Json;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code context = 3}: through the file drop and the HTTP API, the provider sees the three texts before each one and
 * their translations as earlier turns, in order, and the prefill after the text; the translation is the reply alone.
 */
class DocumentContextTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-stub-key-000000000001|sk-stub-key-000000000002",
                "stub-model");
        properties.put("dragoman.provider.stub.system-prompt", "Into {target_lang}.");
        properties.put("dragoman.provider.stub.context", "3");
        properties.put("dragoman.provider.stub.prefill", "Translation:");
        return properties;
    }

    /**
     * Line {@code n} is translated {@code Zeile n}: a request matches the stubs of every line among its user turns,
     * the text's own and its context's, and the latest stub that matches, the text's own, answers.
     */
    private static void stubLines(int count) {
        for (int n = 1; n <= count; n++) {
            provider.stubFor(post(OpenAiStub.PATH)
                    .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'user' && @.content == 'line " + n
                            + "')]"))
                    .willReturn(OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"Zeile " + n + "\"}")));
        }
    }

    @Test
    void each_line_of_a_file_takes_the_three_before_it_along_in_order() throws Exception {
        stubLines(5);
        drop("five.txt", "line 1\nline 2\n\nline 3\nline 4\nline 5\n".getBytes(StandardCharsets.UTF_8));

        assertThat(awaitFile(outbox().resolve("five.txt"), Duration.ofSeconds(30)))
                .hasContent("Zeile 1\nZeile 2\n\nZeile 3\nZeile 4\nZeile 5\n");
        assertThat(turnsOf("line 1")).containsExactly("system: Into English.", "user: line 1",
                "assistant: Translation:");
        assertThat(turnsOf("line 2")).containsExactly("system: Into English.", "user: line 1",
                "assistant: Zeile 1", "user: line 2", "assistant: Translation:");
        assertThat(turnsOf("line 5")).containsExactly("system: Into English.",
                "user: line 2", "assistant: Zeile 2",
                "user: line 3", "assistant: Zeile 3",
                "user: line 4", "assistant: Zeile 4",
                "user: line 5", "assistant: Translation:");
    }

    /**
     * Line 1's first call gets a 503: while line 1 waits out its retry, the file's one thread stays with it and line 2
     * waits, so that it still takes line 1's translation along.
     */
    @Test
    void a_line_that_waits_for_a_retry_still_comes_before_the_next() throws Exception {
        stubLines(2);
        provider.stubFor(post(OpenAiStub.PATH).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.messages[?(@.role == 'user' && @.content == 'line 1')]"))
                .willReturn(OpenAiStub.error(503, "server_error", "overloaded", "The server is overloaded"))
                .willSetStateTo("back"));
        drop("two.txt", "line 1\nline 2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(awaitFile(outbox().resolve("two.txt"), Duration.ofSeconds(30))).hasContent("Zeile 1\nZeile 2\n");
        assertThat(provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).stream()
                .map(DocumentContextTest::lastUserTurn))
                .as("line 1 twice (a 503, then its translation), then line 2")
                .containsExactly("line 1", "line 1", "line 2");
        assertThat(turnsOf("line 2")).containsExactly("system: Into English.", "user: line 1",
                "assistant: Zeile 1", "user: line 2", "assistant: Translation:");
    }

    @Test
    void an_http_request_sends_the_latest_three_pairs_of_its_context() throws Exception {
        stubLines(5);

        Reply reply = new HttpClientSupport(port()).postJson("/translate", """
                {"text": "line 5", "context": [
                    {"text": "line 1", "translation": "eins"}, {"text": "line 2", "translation": "zwei"},
                    {"text": "line 3", "translation": "drei"}, {"text": "line 4", "translation": "vier"}]}""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("translation").asText()).as("the reply alone, without the prefill")
                .isEqualTo("Zeile 5");
        assertThat(turnsOf("line 5")).containsExactly("system: Into English.",
                "user: line 2", "assistant: zwei",
                "user: line 3", "assistant: drei",
                "user: line 4", "assistant: vier",
                "user: line 5", "assistant: Translation:");
    }

    @Test
    void a_malformed_context_is_refused() throws Exception {
        Reply reply = new HttpClientSupport(port()).postJson("/translate",
                "{\"text\": \"line 1\", \"context\": [{\"text\": \"line 0\"}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).contains("\"context\"[0]");
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    /** The turns of the one request whose last user turn is {@code text}, as {@code role: content}. */
    private static List<String> turnsOf(String text) throws Exception {
        List<LoggedRequest> requests = provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).stream()
                .filter(request -> lastUserTurn(request).equals(text)).toList();
        assertThat(requests).as("requests for " + text).hasSize(1);
        List<String> turns = new ArrayList<>();
        for (JsonNode message : Json.MAPPER.readTree(requests.get(0).getBodyAsString()).get("messages")) {
            turns.add(message.get("role").asText() + ": " + message.get("content").asText());
        }
        return turns;
    }

    private static String lastUserTurn(LoggedRequest request) {
        String last = null;
        for (JsonNode message : Json.tryParse(request.getBodyAsString()).orElseThrow().get("messages")) {
            if ("user".equals(message.get("role").asText())) {
                last = message.get("content").asText();
            }
        }
        return last;
    }
}
