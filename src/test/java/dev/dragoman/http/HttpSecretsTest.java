package dev.dragoman.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the HTTP API shows of secrets: a relay address's credentials masked in GET /providers, and a 500 that logs
 * its failure redacted, on one line, under the id its reply gives the client.
 */
class HttpSecretsTest extends DragomanTestSupport {

    private static final String KEY = "sk-relay-Lk2Jh8Gf5Ds3";

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "relay");
        openAi(properties, "relay", "https://relay.invalid/v1?key=abc", KEY, "m");
        return properties;
    }

    /** The shipped routes and one more that fails as an unexpected bug would, with the request body as message. */
    @Override
    protected Path routesFolder() {
        Path folder = dir().resolve("routes");
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("failing.yaml"), """
                    - route:
                        routeConfigurationId: http-errors
                        from:
                          uri: "platform-http:/failing"
                          steps:
                            - throwException:
                                exceptionType: java.lang.IllegalStateException
                                message: "${body}"
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    @Test
    void shows_a_relay_address_with_its_credentials_masked() throws Exception {
        Reply providers = new HttpClientSupport(port()).get("/providers");

        assertThat(providers.status()).isEqualTo(200);
        assertThat(providers.json().get(0).get("url").asText()).isEqualTo("https://relay.invalid/v1?key=***");
        assertThat(providers.body()).doesNotContain("abc", "Lk2Jh8Gf");
    }

    @Test
    void an_internal_error_is_logged_redacted_on_one_line_under_the_id_the_client_gets() throws Exception {
        Reply reply;
        String log;
        try (CapturedLog captured = new CapturedLog()) {
            reply = new HttpClientSupport(port()).post("/failing", "text/plain",
                    "bug with " + KEY + "\r\nERROR forged line");
            log = captured.text();
        }

        assertThat(reply.status()).isEqualTo(500);
        JsonNode error = reply.json();
        String id = error.get("id").asText();
        assertThat(id).isNotBlank();
        assertThat(error.get("error").asText()).doesNotContain(KEY, "forged");
        List<String> lines = log.lines().filter(line -> line.contains(id)).toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(line)
                .contains("HTTP request " + id + " failed", "java.lang.IllegalStateException: bug with sk-…5Ds3",
                        "\\r\\nERROR forged line", "\\n\tat org.apache.camel.")
                .doesNotContain("Lk2Jh8Gf"));
        assertThat(log.lines()).noneMatch(line -> line.startsWith("ERROR forged"));
    }
}
