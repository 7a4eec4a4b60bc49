package dev.dragoman.observe;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.PrometheusSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped pseudo-localiser, which always translates, with {@code dragoman.http.tokens} set: readiness and
 * liveness are UP and answer without a token; {@code dragoman_ready} is 1.
 */
class ReadinessTest extends DragomanTestSupport {

    static final String TOKEN = "health-token-0000000001";

    private final HttpClientSupport http = new HttpClientSupport(port());

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.http.tokens", TOKEN);
        return properties;
    }

    @Test
    void readiness_and_liveness_are_up_without_a_token_and_dragoman_ready_is_1() throws Exception {
        assertThat(http.get("/providers").status()).as("the API itself needs the token").isEqualTo(401);

        // Camel's own consumer checks hold readiness DOWN until the file drop has polled once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/observe/health/ready").status()).isEqualTo(200));
        Reply ready = http.get("/observe/health/ready");
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
        Reply live = http.get("/observe/health/live");
        assertThat(live.status()).as(live.body()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
        Reply details = http.get("/observe/health/ready?exposureLevel=full&data=true");
        assertThat(details.body()).contains("dragoman-instances", "pseudo", "translates offline");

        Reply scrape = HttpClientSupport.send(http.request("/observe/metrics")
                .header("Authorization", "Bearer " + TOKEN).GET().build());
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(PrometheusSamples.parse(scrape.body()).value("dragoman_ready", Map.of())).isEqualTo(1.0);
    }
}
