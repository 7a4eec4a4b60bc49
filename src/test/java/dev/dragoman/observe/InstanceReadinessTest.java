package dev.dragoman.observe;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.PrometheusSamples;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the only instance's keys: UP while one works, DOWN (503, naming the instance and its keys) once
 * the provider rejected every one, UP again after a re-probe finds a key accepted. Liveness stays UP throughout and
 * {@code dragoman_ready} follows readiness. Against a WireMock stand-in speaking the OpenAI format.
 */
class InstanceReadinessTest extends DragomanTestSupport {

    static final String KEY = "sk-ready-key-0000000001";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private final HttpClientSupport http = new HttpClientSupport(port());

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), KEY, "stub-model");
        // long enough to see readiness down before the re-probe is due, which lets readiness up for the probe
        properties.put("dragoman.keys.recheck", "10s");
        properties.put("dragoman.deadline", "3s");
        return properties;
    }

    @Test
    void readiness_goes_down_when_every_key_is_rejected_and_up_again_when_one_heals() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        assertThat(http.postJson("/translate", "{\"text\": \"Hello\"}").status()).isEqualTo(200);
        // Camel's own consumer checks hold readiness DOWN until the file drop has polled once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/observe/health/ready").status()).isEqualTo(200));
        assertReady(true);

        provider.stubFor(post(OpenAiStub.PATH)
                .willReturn(OpenAiStub.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key")));
        assertThat(http.postJson("/translate", "{\"text\": \"Rejected\"}").status()).isNotEqualTo(200);

        Reply down = http.get("/observe/health/ready");
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().get("status").asText()).isEqualTo("DOWN");
        JsonNode check = down.json().get("checks").get(0);
        assertThat(check.get("name").asText()).isEqualTo("dragoman-instances");
        assertThat(check.get("message").asText()).contains("no provider instance can translate", "stub",
                "sk-...0001 rejected");
        assertThat(down.body()).doesNotContain(KEY);
        assertReady(false);
        Reply instance = http.get("/observe/health");
        assertThat(instance.body()).contains("dragoman-instance-stub");
        assertLive();

        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(http.postJson("/translate", "{\"text\": \"Healed\"}").status()).isEqualTo(200);
            assertThat(http.get("/observe/health/ready").status()).isEqualTo(200);
        });
        assertReady(true);
        assertLive();
    }

    private void assertReady(boolean up) throws Exception {
        assertThat(http.get("/observe/health/ready").status()).isEqualTo(up ? 200 : 503);
        Reply scrape = http.get("/observe/metrics");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(PrometheusSamples.parse(scrape.body()).value("dragoman_ready", Map.of())).isEqualTo(up ? 1.0 : 0.0);
    }

    private void assertLive() throws Exception {
        Reply live = http.get("/observe/health/live");
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
    }
}
