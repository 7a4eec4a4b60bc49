package dev.dragoman.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A document of each format dropped a second time costs no provider call: the memory keys its segments by their text
 * with markers (and note), as it keys lines, and the second output is the first one again.
 */
class RememberedDocumentsTest extends DragomanTestSupport {

    /** One document of each format, from the document package's own samples. */
    static final List<String> DOCUMENTS = List.of("app.json", "app.yaml", "messages.properties", "invoices.pot",
            "app.xlf", "app2.xlf", "guide.md", "page.html", "intro.srt", "intro.vtt", "guide.docx");

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-remembered-documents", "stub-model");
        properties.put("dragoman.source-lang", "en");
        properties.put("dragoman.target-lang", "de");
        properties.put("dragoman.memory.enabled", "true");
        properties.put("dragoman.memory.url", "jdbc:h2:file:" + dir().resolve("data/memory") + ";AUTO_SERVER=TRUE");
        return properties;
    }

    @Test
    void should_translate_a_document_dropped_again_from_memory() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        for (String name : DOCUMENTS) {
            drop(name, Files.readAllBytes(Path.of("src/test/resources/documents", name)));
        }
        for (String name : DOCUMENTS) {
            awaitFile(outbox().resolve(name), Duration.ofSeconds(60));
        }
        int calls = provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).size();
        assertThat(calls).isPositive();
        assertThat(failed()).doesNotExist();
        List<byte[]> first = DOCUMENTS.stream().map(name -> read(outbox().resolve(name))).toList();

        for (String name : DOCUMENTS) {
            Files.delete(outbox().resolve(name));
            drop(name, Files.readAllBytes(Path.of("src/test/resources/documents", name)));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> DOCUMENTS.stream()
                .allMatch(name -> Files.exists(outbox().resolve(name))));

        assertThat(provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH)))).hasSize(calls);
        for (int i = 0; i < DOCUMENTS.size(); i++) {
            if (!DOCUMENTS.get(i).endsWith(".docx")) {
                // a DOCX is a zip, whose entries carry the time they were written
                assertThat(read(outbox().resolve(DOCUMENTS.get(i)))).as(DOCUMENTS.get(i)).isEqualTo(first.get(i));
            }
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
