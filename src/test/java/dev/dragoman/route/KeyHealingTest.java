package dev.dragoman.route;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keys come back by themselves: a key the provider rejected is probed again after {@code dragoman.keys.recheck} with
 * one real request, a used-up quota rests the key rather than taking it out, and a {@code Retry-After: 0} never makes
 * a key spin. Against a WireMock server speaking the OpenAI format, through the HTTP API.
 */
class KeyHealingTest extends DragomanTestSupport {

    static final String GOOD = "sk-heal-good-0000000001";
    static final String REVOKED = "sk-heal-revoked-000002";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), GOOD + "|" + REVOKED, "stub-model");
        properties.put("dragoman.keys.recheck", "2s");
        properties.put("dragoman.deadline", "10s");
        return properties;
    }

    private HttpClientSupport http() {
        return new HttpClientSupport(port());
    }

    private static int requestsWith(String key) {
        return provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withHeader("Authorization", equalTo("Bearer " + key))).size();
    }

    private JsonNode keyView(String masked) throws Exception {
        for (JsonNode key : http().get("/providers").json().get(0).get("keys")) {
            if (key.get("key").asText().equals(masked)) {
                return key;
            }
        }
        throw new AssertionError("no key " + masked + " in GET /providers");
    }

    @Test
    void should_probe_a_rejected_key_after_recheck_and_take_it_back_when_the_provider_accepts_it() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        // the revoked key is refused once, then (say, after the operator paid the bill) accepted again
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + REVOKED))
                .inScenario("revoked").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(OpenAiStub.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key"))
                .willSetStateTo("accepted"));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + REVOKED))
                .inScenario("revoked").whenScenarioStateIs("accepted").willReturn(OpenAiStub.echo()));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(http().postJson("/translate", "{\"text\": \"Hello\"}").status()).isEqualTo(200);
            return requestsWith(REVOKED) == 1;
        });
        assertThat(keyView("sk-…0002").get("state").asText()).isEqualTo("rejected");
        int whileRejected = requestsWith(REVOKED);
        for (int i = 0; i < 4; i++) {
            assertThat(http().postJson("/translate", "{\"text\": \"Hello " + i + "\"}").status()).isEqualTo(200);
        }
        assertThat(requestsWith(REVOKED)).as("no call on a rejected key before its recheck").isEqualTo(whileRejected);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http().postJson("/translate", "{\"text\": \"Again\"}").status()).isEqualTo(200);
            assertThat(keyView("sk-…0002").get("state").asText()).isEqualTo("active");
        });
        int probes = requestsWith(REVOKED) - whileRejected;
        assertThat(probes).as("one probe brought the key back").isEqualTo(1);
        for (int i = 0; i < 6; i++) {
            http().postJson("/translate", "{\"text\": \"Back " + i + "\"}");
        }
        assertThat(requestsWith(REVOKED)).as("in rotation again").isGreaterThan(whileRejected + probes);
    }

    @Test
    void should_rest_a_key_whose_quota_is_used_up_instead_of_rejecting_it() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).withHeader("Authorization", equalTo("Bearer " + REVOKED))
                .willReturn(OpenAiStub.error(429, "insufficient_quota", "insufficient_quota",
                        "You exceeded your current quota")));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(http().postJson("/translate", "{\"text\": \"Hello\"}").status()).isEqualTo(200);
            return requestsWith(REVOKED) == 1;
        });

        JsonNode key = keyView("sk-…0002");
        assertThat(key.get("state").asText()).isEqualTo("cooling");
        assertThat(Instant.parse(key.get("until").asText()))
                .as("dragoman.keys.quota-rest, not the 60 s cap of a rate limit")
                .isAfter(Instant.now().plus(Duration.ofMinutes(50)));
    }

    @Test
    void should_not_spin_on_a_retry_after_of_zero() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                        + "\"code\":\"rate_limit_exceeded\"}}")));

        Reply reply = http().postJson("/translate", "{\"text\": \"Hello\"}");

        assertThat(reply.status()).isEqualTo(502);
        // 10 s of deadline with keys resting at least dragoman.keys.min-cooldown (500 ms) each: a few dozen calls at
        // most, where a spin would send thousands
        assertThat(provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH)))).hasSizeBetween(2, 60);
    }
}
