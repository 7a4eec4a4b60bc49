package dev.dragoman.http;

import java.net.http.HttpRequest;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dragoman.http.rpm-per-token}: each token has its own count of requests per minute. */
class HttpRateLimitTest extends DragomanTestSupport {

    static final String TOKEN = "tok-rate-a-19c04e";
    static final String OTHER_TOKEN = "tok-rate-b-8e2d71";

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.http.tokens", TOKEN + "|" + OTHER_TOKEN);
        properties.put("dragoman.http.rpm-per-token", "3");
        return properties;
    }

    private Reply providers(String token) throws Exception {
        return HttpClientSupport.send(new HttpClientSupport(port()).request("/providers")
                .header("Authorization", "Bearer " + token).GET().build());
    }

    @Test
    void requests_beyond_the_rate_get_429_with_retry_after_and_other_tokens_go_on() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(providers(TOKEN).status()).isEqualTo(200);
        }
        Reply refused = providers(TOKEN);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("error").asText()).contains("dragoman.http.rpm-per-token");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(providers(OTHER_TOKEN).status()).isEqualTo(200);
        // a refused request is not let through by a translate call either
        assertThat(HttpClientSupport.send(new HttpClientSupport(port()).request("/translate")
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Hello")).build()).status()).isEqualTo(429);
    }
}
