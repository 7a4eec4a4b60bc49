package dev.dragoman.memory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.support.StubServers;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translation memory in TMX through the HTTP API, with the memory on in an H2 file of the test's own, a provider
 * that answers "T:" and the text, and a token asked for: {@code GET /memory.tmx} exports what the provider
 * translated, a file of {@code dragoman.memory.import} answers its texts with no provider call, and
 * {@code POST /memory.tmx} imports one while Dragoman runs.
 */
class TmxMemoryTest extends DragomanTestSupport {

    private static final String TOKEN = "tok-tmx-3b9e01d7";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @Override
    protected Properties properties() {
        Path tmx = dir().resolve("start.tmx");
        try {
            Files.writeString(tmx, """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE tmx SYSTEM "tmx14.dtd">
                    <tmx version="1.4">
                      <header creationtool="Trados" creationtoolversion="1" segtype="sentence" o-tmf="x"
                              adminlang="en-US" srclang="en-US" datatype="plaintext"/>
                      <body>
                        <tu>
                          <tuv xml:lang="en-US"><seg>Good morning</seg></tuv>
                          <tuv xml:lang="de-DE"><seg>Guten Morgen</seg></tuv>
                          <tuv xml:lang="fr-FR"><seg>Bonjour</seg></tuv>
                        </tu>
                        <tu>
                          <tuv xml:lang="en-US"><seg>Thank you</seg></tuv>
                          <tuv xml:lang="de-DE"><seg>Danke</seg></tuv>
                        </tu>
                      </body>
                    </tmx>
                    """, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties properties = new Properties();
        properties.put("dragoman.providers", "stub");
        openAi(properties, "stub", provider.baseUrl(), "sk-stub-key-000000000001", "stub-model");
        properties.put("dragoman.memory.enabled", "true");
        properties.put("dragoman.memory.url", "jdbc:h2:file:" + dir().resolve("data/memory") + ";AUTO_SERVER=TRUE");
        properties.put("dragoman.memory.import", tmx.toString());
        properties.put("dragoman.http.tokens", TOKEN);
        return properties;
    }

    @BeforeEach
    void stub() {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
    }

    @Test
    void the_translations_of_a_language_pair_are_exported_as_tmx() throws Exception {
        assertThat(call("POST", "/translate", "{\"texts\": [\"Hello\", \"World\"], \"source_lang\": \"English\","
                + " \"target_lang\": \"German\"}").status()).isEqualTo(200);
        assertThat(call("POST", "/translate", "{\"text\": \"Hello\", \"source_lang\": \"English\","
                + " \"target_lang\": \"French\"}").status()).isEqualTo(200);

        Reply export = call("GET", "/memory.tmx?source=English&target=German", null);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).isEqualTo("application/x-tmx+xml");
        assertThat(export.header("Content-Length")).as("streamed as it is read, never measured whole").isNull();
        Document tmx = parse(export.body());
        Element header = (Element) tmx.getElementsByTagName("header").item(0);
        assertThat(header.getAttribute("creationtool")).isEqualTo("Dragoman");
        assertThat(header.getAttribute("srclang")).isEqualTo("en");
        assertThat(tmx.getDocumentElement().getAttribute("version")).isEqualTo("1.4");
        NodeList units = tmx.getElementsByTagName("tu");
        assertThat(units.getLength()).as("German only, and none of the imported units (stored as en, de)")
                .isEqualTo(2);
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            Element prop = (Element) unit.getElementsByTagName("prop").item(0);
            assertThat(prop.getAttribute("type")).isEqualTo("x-model");
            assertThat(prop.getTextContent()).isEqualTo("stub-model");
            NodeList variants = unit.getElementsByTagName("tuv");
            assertThat(variants.getLength()).isEqualTo(2);
            Element source = (Element) variants.item(0);
            Element target = (Element) variants.item(1);
            pairs.add(source.getAttributeNS(XML_NS, "lang") + ":" + source.getTextContent() + " → "
                    + target.getAttributeNS(XML_NS, "lang") + ":" + target.getTextContent());
        }
        assertThat(pairs).containsExactlyInAnyOrder("en:Hello → de:T:Hello", "en:World → de:T:World");
    }

    @Test
    void an_export_needs_both_languages() throws Exception {
        Reply missing = call("GET", "/memory.tmx?source=English", null);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/json");
        assertThat(missing.json().get("error").asText()).contains("source=").contains("target=");
    }

    @Test
    void the_memory_needs_a_token_like_every_endpoint() throws Exception {
        Reply refused = HttpClientSupport.send(new HttpClientSupport(port())
                .request("/memory.tmx?source=English&target=German").GET().build());

        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void a_text_of_a_file_imported_at_start_up_is_answered_without_a_provider_call() throws Exception {
        Reply german = call("POST", "/translate", "{\"text\": \"Good morning\", \"target_lang\": \"German\"}");
        Reply french = call("POST", "/translate", "{\"text\": \"Good morning\", \"source_lang\": \"en\","
                + " \"target_lang\": \"fr\"}");
        Reply batch = call("POST", "/translate", "{\"texts\": [\"Good morning\", \"Thank you\"],"
                + " \"target_lang\": \"de\"}");

        assertThat(german.status()).isEqualTo(200);
        assertThat(german.json().get("translation").asText()).isEqualTo("Guten Morgen");
        assertThat(german.json().get("cached").asBoolean()).isTrue();
        assertThat(german.json().has("usage")).isFalse();
        assertThat(french.json().get("translation").asText()).isEqualTo("Bonjour");
        assertThat(batch.json().findValuesAsText("translation")).containsExactly("Guten Morgen", "Danke");
        assertThat(provider.getAllServeEvents()).as("no provider call").isEmpty();
    }

    @Test
    void a_posted_tmx_file_is_imported_and_its_units_with_inline_codes_skipped() throws Exception {
        Reply imported = call("POST", "/memory.tmx?source=English&target=German", """
                <tmx version="1.4"><header srclang="*all*" creationtool="t" creationtoolversion="1"
                    segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext"/><body>
                  <tu><tuv xml:lang="en"><seg>Press <hi>Save</hi></seg></tuv>
                      <tuv xml:lang="de"><seg>Drücken Sie <hi>Speichern</hi></seg></tuv>
                      <tuv xml:lang="fr"><seg>Appuyez sur Enregistrer</seg></tuv></tu>
                  <tu><tuv xml:lang="en"><seg>Click <ph x="1">&lt;b&gt;</ph>here</seg></tuv>
                      <tuv xml:lang="de"><seg>Klicken Sie <ph x="1">&lt;b&gt;</ph>hier</seg></tuv></tu>
                </body></tmx>
                """);

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
        assertThat(imported.json().get("skipped").asInt()).isEqualTo(1);
        Reply answered = call("POST", "/translate", "{\"text\": \"Press Save\", \"target_lang\": \"German\"}");
        assertThat(answered.json().get("translation").asText()).isEqualTo("Drücken Sie Speichern");
        assertThat(answered.json().get("cached").asBoolean()).isTrue();
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void a_posted_body_that_is_no_tmx_is_a_bad_request() throws Exception {
        Reply refused = call("POST", "/memory.tmx", "<html><body>not a memory</body></html>");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).contains("not a TMX document");
    }

    /** A request with the token; a body makes it a POST of XML or JSON, whichever the body starts as. */
    private Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = new HttpClientSupport(port()).request(path)
                .header("Authorization", "Bearer " + TOKEN);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-tmx+xml")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClientSupport.send(request.build());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
