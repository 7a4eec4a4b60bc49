package dev.dragoman.http;

import java.net.http.HttpRequest;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Browser requests from other web pages: refused unless {@code dragoman.http.cors-origins} lists their origin. */
class CrossOriginTest extends DragomanTestSupport {

    static final String ALLOWED = "https://app.example.com";

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.http.cors-origins", "https://other.example.org, " + ALLOWED);
        return properties;
    }

    private HttpClientSupport http() {
        return new HttpClientSupport(port());
    }

    private Reply postText(String origin) throws Exception {
        return HttpClientSupport.send(http().request("/translate").header("Origin", origin)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("Hello")).build());
    }

    @Test
    void a_text_plain_post_from_another_page_is_refused() throws Exception {
        Reply refused = postText("https://evil.example.net");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).contains("dragoman.http.cors-origins");
        assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        assertThat(postText("null").status()).isEqualTo(403);
    }

    @Test
    void the_servers_own_pages_and_clients_without_origin_are_not_cross_origin() throws Exception {
        assertThat(postText("http://localhost:" + port()).status()).isEqualTo(200);
        assertThat(http().postText("/translate", "Hello").status()).isEqualTo(200);
    }

    @Test
    void an_allowed_origin_gets_cors_answers() throws Exception {
        Reply translated = postText(ALLOWED);

        assertThat(translated.status()).isEqualTo(200);
        assertThat(translated.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(translated.header("Vary")).isEqualTo("Origin");
        assertThat(translated.body()).contains("translation");
    }

    @Test
    void an_allowed_origin_gets_its_preflight_answered() throws Exception {
        Reply preflight = HttpClientSupport.send(http().request("/translate").header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST").contains("GET");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization")
                .contains("Content-Type");
        assertThat(preflight.header("Vary")).isEqualTo("Origin");

        Reply refusedPreflight = HttpClientSupport.send(http().request("/translate")
                .header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(refusedPreflight.status()).isEqualTo(403);
    }
}
