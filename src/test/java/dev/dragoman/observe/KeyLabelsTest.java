package dev.dragoman.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.StubServers;

/**
 * Two keys of one instance that mask alike ({@code sk-…0001}): each has its own series and its own row, named with
 * four hex digits of the key's SHA-256, rather than the second's gauge being dropped as a duplicate.
 */
class KeyLabelsTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-first-aaaaaaa0001|sk-second-bbbbbb0001", "stub-model");
        return properties;
    }

    @Test
    void keys_that_mask_alike_get_series_and_rows_of_their_own() throws Exception {
        HttpClientSupport http = new HttpClientSupport(port());

        assertThat(http.get("/observe/metrics").body())
                .contains("dragoman_key_state{instance=\"stub\",key=\"sk-…0001 #a4fc\",state=\"active\"} 1.0")
                .contains("dragoman_key_state{instance=\"stub\",key=\"sk-…0001 #5021\",state=\"active\"} 1.0")
                .doesNotContain("aaaaaaa", "bbbbbb");
        assertThat(http.get("/providers").json().at("/0/keys/1/key").asText()).isEqualTo("sk-…0001 #5021");
        assertThat(http.get("/usage").json().at("/instances/0/keys/1/key").asText()).isEqualTo("sk-…0001 #5021");
    }
}
