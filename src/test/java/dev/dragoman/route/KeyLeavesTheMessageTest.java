package dev.dragoman.route;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

/**
 * A text whose call was refused waits out its retry with the message of that call, and Camel shows a waiting
 * exchange's headers when it stops with one still waiting (its await manager's WARN): the key must not be there.
 */
class KeyLeavesTheMessageTest extends DragomanTestSupport {

    private static final String KEY = "sk-leaves-the-message-0001";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), KEY, "stub-model");
        return properties;
    }

    @Test
    void a_text_waiting_out_a_retry_carries_no_key_in_its_message() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).inScenario("refused once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(OpenAiStub.error(503, "server_error", "overloaded", "Overloaded")
                        .withHeader("Retry-After", "3"))
                .willSetStateTo("answering"));
        provider.stubFor(post(OpenAiStub.PATH).inScenario("refused once").whenScenarioStateIs("answering")
                .willReturn(OpenAiStub.echo()));

        context.getInflightRepository().setInflightBrowseEnabled(true);
        CompletableFuture<HttpClientSupport.Reply> reply = CompletableFuture.supplyAsync(() -> {
            try {
                return new HttpClientSupport(port()).postJson("/translate", "{\"text\":\"Hello\"}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // what Camel would show of the exchanges in flight, were it stopped now: the refused call's message waits
        List<String> waiting = await("the refused call's message waiting").atMost(Duration.ofSeconds(10))
                .until(() -> context.getInflightRepository().browse().stream()
                        .map(inflight -> inflight.getExchange().getMessage().getHeaders())
                        .filter(headers -> headers.containsKey(Exchange.HTTP_RESPONSE_CODE))
                        .map(Object::toString).toList(), messages -> !messages.isEmpty());
        // counted, not shown: a failure must not print the key either
        assertThat(waiting.stream().filter(headers -> headers.contains(KEY)).count())
                .as("of %d messages waiting, those with the key", waiting.size()).isZero();
        assertThat(reply.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
}
