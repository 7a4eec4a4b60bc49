package dev.dragoman.http;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code dragoman.http.tokens} set: every call but the health checks needs one of the tokens. */
class HttpAuthenticationTest extends DragomanTestSupport {

    static final String TOKEN = "tok-alpha-5f1c2a9e";
    static final String OTHER_TOKEN = "tok-beta-77d0b3c4";

    /** Opened before Camel starts, to see its start-up too. */
    static CapturedLog log;

    @BeforeAll
    static void captureLog() {
        log = new CapturedLog();
    }

    @AfterAll
    static void releaseLog() {
        log.close();
    }

    /** Open to every interface: with tokens, that is how the API is meant to be opened. */
    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.http.tokens", TOKEN + " | " + OTHER_TOKEN);
        properties.put("camel.server.host", "0.0.0.0");
        return properties;
    }

    private HttpClientSupport http() {
        return new HttpClientSupport(port());
    }

    private Reply translate(String authorization) throws Exception {
        HttpRequest.Builder request = http().request("/translate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Hello\"}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClientSupport.send(request.build());
    }

    private Reply get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = http().request(path).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClientSupport.send(request.build());
    }

    private static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().get("error").asText()).contains("dragoman.http.tokens");
    }

    @Test
    void every_endpoint_refuses_a_request_without_a_token() throws Exception {
        assertUnauthorized(translate(null));
        assertUnauthorized(get("/providers", null));
        assertUnauthorized(get("/providers/pseudo/models", null));
        assertUnauthorized(get("/usage", null));
        assertUnauthorized(get("/memory.tmx?source=en&target=de", null));
        assertUnauthorized(get("/observe/metrics", null));
        assertUnauthorized(HttpClientSupport.send(http().request("/translate").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Hello")).build()));
    }

    @Test
    void a_wrong_token_or_another_scheme_is_refused() throws Exception {
        assertUnauthorized(translate("Bearer " + TOKEN + "x"));
        assertUnauthorized(translate("Bearer " + TOKEN.substring(1)));
        assertUnauthorized(translate("Basic " + TOKEN));
        assertUnauthorized(translate(TOKEN));
        assertUnauthorized(get("/providers", "Bearer "));
    }

    @Test
    void each_configured_token_is_let_in() throws Exception {
        Reply translated = translate("Bearer " + TOKEN);
        assertThat(translated.status()).isEqualTo(200);
        assertThat(translated.json().get("translation").asText()).isNotBlank();
        assertThat(translate("bearer " + OTHER_TOKEN).status()).isEqualTo(200);
        assertThat(get("/providers", "Bearer " + OTHER_TOKEN).status()).isEqualTo(200);
        assertThat(get("/providers/pseudo/models", "Bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(get("/usage", "Bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(get("/observe/metrics", "Bearer " + TOKEN).status()).isEqualTo(200);
    }

    @Test
    void tokens_never_reach_the_log_and_an_open_server_with_tokens_does_not_warn() throws Exception {
        assertThat(translate("Bearer " + TOKEN).status()).isEqualTo(200);
        assertUnauthorized(translate("Bearer " + TOKEN + "-wrong"));

        assertThat(log.text()).contains("Apache Camel").doesNotContain(TOKEN).doesNotContain(OTHER_TOKEN)
                .doesNotContain("without dragoman.http.tokens");
    }

    @Test
    void health_checks_need_no_token() throws Exception {
        // ready once every consumer has started work (the file drop after its first poll)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Reply health = get("/observe/health", null);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("UP");
        });
        assertThat(get("/observe/health/live", null).status()).isEqualTo(200);
        assertThat(get("/observe/health/ready", null).status()).isEqualTo(200);
    }
}
