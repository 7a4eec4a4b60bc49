package dev.dragoman.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * {@code dragoman.glossary} naming a TBX file of 2019 (ISO 30042, TBX-Core: {@code <tbx>}, {@code <conceptEntry>},
 * {@code <langSec>}, {@code <termSec>}, in its namespace): a concept's term in the source language reaches the system
 * prompt with its translation into the text's target language, whether the request names that language or gives its
 * code.
 */
class TbxGlossaryTest extends DragomanTestSupport {

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    private HttpClientSupport http;

    @Override
    protected Properties properties() {
        Path glossary = dir().resolve("terms.tbx");
        try {
            Files.writeString(glossary, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Core" style="dca" xml:lang="en">
                      <tbxHeader><fileDesc><sourceDesc><p>Dragoman test</p></sourceDesc></fileDesc></tbxHeader>
                      <text><body>
                        <conceptEntry id="cloud">
                          <langSec xml:lang="en"><termSec><term>cloud</term></termSec></langSec>
                          <langSec xml:lang="de"><termSec><term>Wolke</term></termSec></langSec>
                          <langSec xml:lang="fr"><termSec><term>nuage</term></termSec></langSec>
                        </conceptEntry>
                        <conceptEntry id="bucket">
                          <langSec xml:lang="en"><termSec><term>bucket</term></termSec></langSec>
                          <langSec xml:lang="de"><termSec><term>Eimer</term></termSec></langSec>
                        </conceptEntry>
                      </body></text>
                    </tbx>
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-stub-key-000000000001", "stub-model");
        properties.put("dragoman.provider.stub.system-prompt", "Into {target_lang}.");
        properties.put("dragoman.glossary", glossary.toString());
        return properties;
    }

    @BeforeEach
    void stub() {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        http = new HttpClientSupport(port());
    }

    @Test
    void a_concepts_terms_reach_the_prompt_for_the_target_language_by_name_or_code() throws Exception {
        assertThat(systemPromptFor("The cloud holds a bucket", "German")).isEqualTo("""
                Into German.

                Translate these terms as given:
                cloud → Wolke
                bucket → Eimer""");
        // a tag reaches the model as the language's name
        assertThat(systemPromptFor("The cloud", "fr")).isEqualTo("Into French.\n\nTranslate these terms as given:\n"
                + "cloud → nuage");
        assertThat(systemPromptFor("A bucket", "French")).as("no French term for bucket").isEqualTo("Into French.");
    }

    /** Translates {@code text} and returns the system prompt the provider got. */
    private String systemPromptFor(String text, String target) throws Exception {
        provider.resetRequests();
        assertThat(http.postJson("/translate", Json.MAPPER.writeValueAsString(Map.of("text", text,
                "target_lang", target))).status()).isEqualTo(200);
        List<LoggedRequest> requests = provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH)));
        assertThat(requests).hasSize(1);
        return Json.MAPPER.readTree(requests.get(0).getBodyAsString()).at("/messages/0/content").asText();
    }
}
