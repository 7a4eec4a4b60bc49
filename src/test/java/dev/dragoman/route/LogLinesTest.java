package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Outside text with line breaks (a file's name, a provider's error) cannot forge log lines: one event, one line. */
class LogLinesTest extends DragomanTestSupport {

    /** How every line the shipped layout writes begins. */
    private static final Pattern EVENT = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (TRACE|DEBUG|INFO|WARN|ERROR) .*");

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-log-lines-0000000001", "stub-model");
        return properties;
    }

    @Test
    void a_file_named_with_a_line_break_is_logged_on_one_line() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        String log;
        try (CapturedLog captured = new CapturedLog()) {
            drop("evil\nINFO  forged.txt", "Hello\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() -> captured.text().contains("written to"));
            log = captured.text();
        }

        assertThat(log).contains("evil\\nINFO  forged.txt written to");
        assertThat(log.lines()).allMatch(line -> EVENT.matcher(line).matches());
    }

    @Test
    void a_provider_error_with_line_breaks_is_logged_on_one_line() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.error(429, "rate_limit_exceeded", "rate_limited",
                "Slow down\\r\\nERROR forged")));

        String log;
        try (CapturedLog captured = new CapturedLog()) {
            drop("limited.txt", "Hello\n".getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(30)).until(() -> captured.text().contains("rate-limited"));
            log = captured.text();
        }

        assertThat(log).contains("Slow down\\r\\nERROR forged");
        assertThat(log.lines()).allMatch(line -> EVENT.matcher(line).matches());
    }
}
