package dev.dragoman.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.dragoman.provider.Json;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code dragoman.glossary} through the HTTP API: a text's system prompt holds the terms that occur in it and no
 * others, a term for one target language only for that language, at {@code {glossary}} or after the prompt, and an
 * edited glossary applies without a restart.
 */
class GlossaryTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private HttpClientSupport http;

    @Override
    protected Properties properties() {
        write("""
                # term\ttranslation\ttarget language
                cloud\tWolke
                bucket\tEimer\tGerman
                "bucket", "seau", "French"
                """);
        Properties properties = new Properties();
        properties.put("dragoman.providers", "after, placed");
        openAi(properties, "after", provider.baseUrl(), "sk-stub-key-000000000001", "stub-model");
        openAi(properties, "placed", provider.baseUrl(), "sk-stub-key-000000000002", "stub-model");
        properties.put("dragoman.provider.after.system-prompt", "Into {target_lang}.");
        properties.put("dragoman.provider.placed.system-prompt", "Terms: [{glossary}] Into {target_lang}.");
        properties.put("dragoman.glossary", glossary().toString());
        properties.put("dragoman.glossary-recheck", "100");
        return properties;
    }

    @BeforeEach
    void stub() {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        http = new HttpClientSupport(port());
    }

    @Test
    void a_text_gets_only_the_terms_it_contains() throws Exception {
        assertThat(systemPromptFor("after", "The Cloud is up", "German"))
                .isEqualTo("Into German.\n\nTranslate these terms as given:\ncloud → Wolke");
        assertThat(systemPromptFor("after", "Nothing to look up", "German")).isEqualTo("Into German.");
    }

    @Test
    void a_term_for_one_target_language_goes_only_to_that_language() throws Exception {
        assertThat(systemPromptFor("after", "a bucket of cloud", "French")).isEqualTo("""
                Into French.

                Translate these terms as given:
                cloud → Wolke
                bucket → seau""");
        assertThat(systemPromptFor("after", "a bucket", "English")).isEqualTo("Into English.");
    }

    @Test
    void the_terms_go_where_the_prompt_places_them() throws Exception {
        assertThat(systemPromptFor("placed", "a cloud", "German"))
                .isEqualTo("Terms: [Translate these terms as given:\ncloud → Wolke] Into German.");
        assertThat(systemPromptFor("placed", "clear sky", "German")).isEqualTo("Terms: [] Into German.");
    }

    @Test
    void an_edited_glossary_applies_without_a_restart() throws Exception {
        assertThat(systemPromptFor("after", "clear sky", "German")).isEqualTo("Into German.");

        write("cloud\tWolke\nsky\tHimmel\n");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                systemPromptFor("after", "clear sky", "German")).endsWith("\nsky → Himmel"));
    }

    /** Translates {@code text} with the named instance and returns the system prompt the provider got. */
    private String systemPromptFor(String instance, String text, String target) throws Exception {
        provider.resetRequests();
        assertThat(http.postJson("/translate", Json.MAPPER.writeValueAsString(Map.of("text", text,
                "target_lang", target, "provider", instance))).status()).isEqualTo(200);
        List<LoggedRequest> requests = provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
        assertThat(requests).hasSize(1);
        return Json.MAPPER.readTree(requests.get(0).getBodyAsString()).at("/messages/0/content").asText();
    }

    private Path glossary() {
        return dir().resolve("glossary.tsv");
    }

    /** Replaces the glossary in one step, as an editor that saves to a temporary file does. */
    private void write(String content) {
        try {
            Path staging = dir().resolve("glossary.tsv.tmp");
            Files.writeString(staging, content, StandardCharsets.UTF_8);
            Files.move(staging, glossary(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
