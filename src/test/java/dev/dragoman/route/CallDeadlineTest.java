package dev.dragoman.route;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider that answers at once and then trickles keep-alive comments for a minute, and one that takes the request
 * and never answers: only a bound on the whole call and on the text stops either. The text fails within its deadline
 * and the key's only slot is free for the next text.
 */
class CallDeadlineTest extends DragomanTestSupport {

    static final Duration DEADLINE = Duration.ofSeconds(6);

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-trickle-key-00000001", "stub-model");
        properties.put("dragoman.provider.stub.stream", "true");
        properties.put("dragoman.provider.stub.timeout", "2s");
        properties.put("dragoman.provider.stub.concurrency", "1");
        properties.put("dragoman.deadline", DEADLINE.toSeconds() + "s");
        return properties;
    }

    @Test
    void should_fail_a_text_whose_provider_only_trickles_keep_alives_within_its_deadline() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream")
                .withBody(": keep-alive\n\n".repeat(120))
                .withChunkedDribbleDelay(120, 60_000)));
        assertTheTextFailsInTimeAndFreesTheSlot();
    }

    @Test
    void should_fail_a_text_whose_provider_never_answers_within_its_deadline() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(aResponse().withStatus(200).withFixedDelay(60_000)));
        assertTheTextFailsInTimeAndFreesTheSlot();
    }

    private void assertTheTextFailsInTimeAndFreesTheSlot() throws Exception {
        HttpClientSupport http = new HttpClientSupport(port());
        Instant start = Instant.now();
        Reply reply = http.postJson("/translate", "{\"text\": \"Hello\"}");
        Duration took = Duration.between(start, Instant.now());

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().get("error").asText()).contains("took longer than");
        // the provider's reply would take 60 s; the deadline is 6 s (a wide margin for a loaded machine, far below)
        assertThat(took).isLessThan(DEADLINE.plusSeconds(10));

        provider.resetAll();
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.stream(java.util.List.of(
                OpenAiStub.delta("Bonjour"),
                "data: {\"object\":\"chat.completion.chunk\",\"model\":\"stub-model\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{},\"finish_reason\":\"stop\"}]}",
                "data: [DONE]"))));
        Reply next = http.postJson("/translate", "{\"text\": \"Hello\"}");
        assertThat(next.status()).as("the key's one slot was given back").isEqualTo(200);
        assertThat(next.json().get("translation").asText()).isEqualTo("Bonjour");
    }
}
