package dev.dragoman.http;

import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Listening on every interface without tokens: the API still answers, and the start-up says it is open. */
class OpenServerWarningTest extends DragomanTestSupport {

    /** Opened before Camel starts, which is when the warning is logged. */
    static CapturedLog log;

    @BeforeAll
    static void captureLog() {
        log = new CapturedLog();
    }

    @AfterAll
    static void releaseLog() {
        log.close();
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("camel.server.host", "0.0.0.0");
        return properties;
    }

    @Test
    void an_open_server_without_tokens_warns_once_at_start_up() throws Exception {
        assertThat(new HttpClientSupport(port()).get("/providers").status()).isEqualTo(200);
        assertThat(log.text()).contains("WARN").containsOnlyOnce("HttpGuard - The HTTP API listens on 0.0.0.0 without"
                + " dragoman.http.tokens");
    }
}
