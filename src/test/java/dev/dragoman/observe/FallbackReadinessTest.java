package dev.dragoman.observe;

import java.time.Duration;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.config.Providers;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.StubServers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances, a stand-in speaking the OpenAI format and the pseudo-localiser behind it: with the stand-in's breaker
 * open, its own check is DOWN and says so, but readiness stays UP, as the pseudo-localiser still translates.
 */
class FallbackReadinessTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private final HttpClientSupport http = new HttpClientSupport(port());

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub, pseudo");
        openAi(properties, "stub", provider.baseUrl(), "sk-fallback-key-000001", "stub-model");
        return properties;
    }

    @Test
    void one_instance_down_shows_in_its_own_check_and_leaves_readiness_up() throws Exception {
        CircuitBreaker breaker = context.getRegistry().lookupByNameAndType("providers", Providers.class)
                .byName("stub").orElseThrow().breaker();
        breaker.transitionToForcedOpenState();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/observe/health/ready").status()).isEqualTo(200));
        Reply ready = http.get("/observe/health/ready?exposureLevel=full&data=true");
        JsonNode readiness = check(ready.json(), "dragoman-instances");
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.at("/data/stub").asText()).startsWith("DOWN: circuit breaker open");
        assertThat(readiness.at("/data/pseudo").asText()).isEqualTo("UP: translates offline");

        Reply all = http.get("/observe/health");
        assertThat(all.status()).as("the full report counts every instance").isEqualTo(503);
        JsonNode stub = check(all.json(), "dragoman-instance-stub");
        assertThat(stub.get("status").asText()).isEqualTo("DOWN");
        assertThat(stub.get("message").asText()).contains("stub: circuit breaker open");

        breaker.transitionToClosedState();
        assertThat(http.get("/observe/health").status()).isEqualTo(200);
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }
}
