package dev.dragoman.document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.BatchEcho;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.FaultyEcho;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stand-in that breaks the first reply to every text the way models do (a tag lost, a placeholder dropped or added,
 * the source answered back, a preamble): every such reply is rejected by its check and the text translated again,
 * so the files written have none of these faults, and {@code GET /usage} counts the rejections per check.
 */
class CheckedRepliesTest extends DragomanTestSupport {

    static final FaultyEcho FAULTS = new FaultyEcho();

    @RegisterExtension
    static WireMockExtension provider = WireMockExtension.newInstance().options(options().dynamicPort()
            .globalTemplating(false).extensions(new BatchEcho(), FAULTS)).build();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-checked-one|sk-checked-two", "stub-model");
        properties.put("dragoman.source-lang", "en");
        properties.put("dragoman.target-lang", "de");
        return properties;
    }

    @Test
    void should_write_no_reply_that_fails_a_check_and_count_each_rejection() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(okJson("{}").withTransformers(FaultyEcho.NAME)));

        drop("ui.json", """
                {"save": "Save the <b>changes</b> now", "count": "You have {{count}} new messages",
                 "hello": "Hello {name}, welcome back", "bye": "See you again soon", "thanks": "Thank you very much"}
                """.getBytes(StandardCharsets.UTF_8));
        // in a document placeholders are markers; in plain text they are the text's own
        drop("notes.txt", ("The report is ready\nPlease read it today\nHello {name}, your order is ready\n"
                + "You have %d new messages\n").getBytes(StandardCharsets.UTF_8));

        JsonNode json = new ObjectMapper().readTree(awaitFile(outbox().resolve("ui.json"), Duration.ofSeconds(60))
                .toFile());
        assertThat(json.get("save").asText()).isEqualTo("T:Save the <b>changes</b> now");
        assertThat(json.get("count").asText()).isEqualTo("T:You have {{count}} new messages");
        assertThat(json.get("hello").asText()).isEqualTo("T:Hello {name}, welcome back");
        assertThat(json.get("bye").asText()).isEqualTo("T:See you again soon");
        assertThat(json.get("thanks").asText()).isEqualTo("T:Thank you very much");
        assertThat(Files.readString(awaitFile(outbox().resolve("notes.txt"), Duration.ofSeconds(60))))
                .isEqualTo("T:The report is ready\nT:Please read it today\nT:Hello {name}, your order is ready\n"
                        + "T:You have %d new messages\n");

        Map<String, Integer> served = FAULTS.faults();
        assertThat(served).containsKeys("markers", "placeholders", "unchanged", "chatter");
        JsonNode rejections = new HttpClientSupport(port()).get("/usage").json().at("/instances/0/qaRejections");
        served.forEach((check, count) -> assertThat(rejections.get(check).asInt()).as(check).isEqualTo(count));
    }
}
