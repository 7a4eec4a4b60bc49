package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad reply is about its text, not an outage: a line the model always answers badly while it translates the
 * others fails for good, alone, and its neighbours are written; the file does not wait in the inbox for a reply that
 * will never come.
 */
class BadRepliesTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-bad-replies-one|sk-bad-replies-two", "stub-model");
        // three lines in one request: the bad line must not hold the other two
        properties.put("dragoman.provider.stub.batch-lines", "3");
        properties.put("dragoman.file.retry-delay", "2s");
        return properties;
    }

    @Test
    void should_fail_only_the_line_the_model_always_answers_empty() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).atPriority(1)
                .withRequestBody(matchingJsonPath("$.messages[1].content", matching("two|.*\"two\".*")))
                .willReturn(OpenAiStub.reply("{\"role\":\"assistant\",\"content\":\"\"}")));

        drop("three.txt", "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));

        String reason = Files.readString(awaitFile(failed().resolve("three.txt.error.txt"), Duration.ofSeconds(60)));
        assertThat(reason).contains("1 of 3 lines could not be translated", "line 2: stub: ")
                .doesNotContain("line 1:", "line 3:");
        assertThat(failed().resolve("three.partial.txt")).hasContent("T:one\ntwo\nT:three\n");
        assertThat(awaitFile(failed().resolve("three.txt"), Duration.ofSeconds(10))).hasContent("one\ntwo\nthree\n");
        assertThat(inbox().resolve("three.txt")).doesNotExist();
    }
}
