package dev.dragoman.http;

import java.net.Socket;
import java.time.Duration;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.route.Redeliveries;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that leaves while its text waits out a retry gives its slot of the HTTP API's share
 * ({@code dragoman.http.max-in-flight}) back at once. Its text makes no more calls, but its wait (here a 503's
 * {@code Retry-After} of 30 s) ends only when it is over; a client that gave up and asks again must not be refused
 * meanwhile for the slot of its own abandoned request. A share of one slot, an instance of two keys at a WireMock stub
 * that answers the first call 503 and the rest with translations.
 */
class GoneClientShareTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "busy");
        openAi(properties, "busy", provider.baseUrl(), "sk-busy-key-0000000001, sk-busy-key-0000000002", "stub-model");
        properties.put("dragoman.http.max-in-flight", "1");
        return properties;
    }

    @Test
    void should_give_the_share_back_when_a_client_leaves_its_text_waiting() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).inScenario("overloaded").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(OpenAiStub.error(503, "server_error", "overloaded", "The server is overloaded")
                        .withHeader("Retry-After", "30"))
                .willSetStateTo("answering"));
        provider.stubFor(post(OpenAiStub.PATH).inScenario("overloaded").whenScenarioStateIs("answering")
                .willReturn(OpenAiStub.echo()));
        HttpShare share = context.getRegistry().lookupByNameAndType("httpShare", HttpShare.class);
        Redeliveries waits = context.getRegistry().lookupByNameAndType("redeliveries", Redeliveries.class);

        try (Socket client = ClientGoneTest.request(port(), "{\"text\": \"abandoned\"}", false)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> provider.getAllServeEvents().size() == 1);
            await("the text waits out the Retry-After").atMost(Duration.ofSeconds(10))
                    .until(() -> !waits.getQueue().isEmpty());
            assertThat(share.inFlight()).isEqualTo(1);
        }

        // far sooner than the 30 s wait ends
        await("the share given back").atMost(Duration.ofSeconds(10)).until(() -> share.inFlight() == 0);
        HttpClientSupport.Reply again = new HttpClientSupport(port()).postJson("/translate",
                "{\"text\": \"asked again\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("translation").asText()).isEqualTo("T:asked again");
        provider.verify(2, postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
    }
}
