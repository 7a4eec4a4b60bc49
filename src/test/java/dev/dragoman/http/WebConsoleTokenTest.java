package dev.dragoman.http;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code dragoman.http.tokens} set, the console's page and files load without a token (the page asks for one
 * when the API answers 401), while the API it calls still needs one.
 */
class WebConsoleTokenTest extends DragomanTestSupport {

    private final HttpClientSupport http = new HttpClientSupport(port());

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.http.tokens", "console-test-token-0001");
        return properties;
    }

    @Test
    void the_console_loads_without_a_token_and_its_api_calls_need_one() throws Exception {
        HttpClientSupport.Reply page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("/console/console.js", "token-form");
        assertThat(http.get("/console/console.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(http.get("/console/console.css").header("Content-Type")).startsWith("text/css");

        assertThat(http.get("/console/secrets.txt").status()).as("only the console's own files").isEqualTo(404);
        assertThat(http.get("/providers").status()).isEqualTo(401);
        assertThat(http.get("/usage").status()).isEqualTo(401);
    }
}
