package dev.dragoman.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;

/**
 * The health checks and metrics on a port of their own ({@code camel.management.port}), the usual way to keep probes
 * and scrapes off the API's port: Dragoman starts, the API answers on its port and the probes on theirs.
 */
class ManagementPortTest extends DragomanTestSupport {

    /** Static: the test support reads the properties while the test instance is being made. */
    private static final int MANAGEMENT_PORT = freePort();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "local");
        properties.put("dragoman.provider.local.dialect", "pseudo");
        properties.put("camel.management.port", String.valueOf(MANAGEMENT_PORT));
        return properties;
    }

    @Test
    void the_probes_and_metrics_answer_on_their_own_port_and_the_api_on_its() throws Exception {
        HttpClientSupport management = new HttpClientSupport(MANAGEMENT_PORT);
        HttpClientSupport api = new HttpClientSupport(port());

        // ready once the file drop's consumer has polled
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(management.get("/observe/health/ready").status()).isEqualTo(200));
        assertThat(management.get("/observe/metrics").body()).contains("dragoman_translations_total");
        assertThat(api.postJson("/translate", "{\"text\":\"Hello\"}").status()).isEqualTo(200);
    }
}
