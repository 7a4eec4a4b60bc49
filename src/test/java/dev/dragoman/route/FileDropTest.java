package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Files through the file-drop route against a provider that answers "T:" and the text: every character in place. */
class FileDropTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-stub-key-000000000001|sk-stub-key-000000000002",
                "stub-model");
        return properties;
    }

    @Test
    void should_translate_line_and_paragraph_separators_in_place() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        String text = "Hello\u2028World\r\n\n  A\u2029B\u0085C  \nlast\u2028";
        drop("separators.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(awaitFile(outbox().resolve("separators.txt"), Duration.ofSeconds(30))).usingCharset("UTF-8")
                .hasContent("T:Hello\u2028World\r\n\n  T:A\u2029B\u0085C  \nT:last\u2028");
        assertThat(awaitFile(inbox().resolve(".done/separators.txt"), Duration.ofSeconds(10))).exists();
    }

    @Test
    void should_translate_a_file_of_several_chunks_in_order() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        // 2,500 lines are three chunks of at most 1,000
        String text = IntStream.rangeClosed(1, 2500).mapToObj(i -> i % 7 == 0 ? "\r\n" : "line " + i + "\r\n")
                .collect(Collectors.joining());
        drop("long.txt", text.getBytes(StandardCharsets.UTF_8));

        assertThat(awaitFile(outbox().resolve("long.txt"), Duration.ofSeconds(120)))
                .hasContent(text.replace("line ", "T:line "));
        // one request per batch of at most 20 lines (batch-lines), never across chunks: the chunks' 858, 857 and
        // 428 non-blank lines
        assertThat(provider.getAllServeEvents()).hasSize(43 + 43 + 22);
    }
}
