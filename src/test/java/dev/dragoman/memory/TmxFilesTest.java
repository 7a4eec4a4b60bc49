package dev.dragoman.memory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TMX into and out of the memory on its H2 file, without Camel: which pairs a file gives, and what an export is. */
class TmxFilesTest {

    private static final String SETTINGS = "a".repeat(64);

    @TempDir
    Path dir;

    private JdbcTranslationMemory memory;

    @BeforeEach
    void open() throws Exception {
        memory = JdbcTranslationMemory.open("jdbc:h2:file:" + dir.resolve("memory") + ";AUTO_SERVER=TRUE", "", "");
    }

    @AfterEach
    void close() {
        memory.close();
    }

    @Test
    void a_unit_goes_from_its_source_language_into_every_other() throws Exception {
        TmxImport.Count count = load("""
                <tmx version="1.4"><header srclang="en"/><body>
                  <tu><tuv xml:lang="en"><seg>Gift</seg></tuv><tuv xml:lang="de"><seg>Geschenk</seg></tuv>
                      <tuv xml:lang="fr"><seg>Cadeau</seg></tuv></tu>
                </body></tmx>""", null, null);

        assertThat(count).isEqualTo(new TmxImport.Count(2, 0));
        assertThat(memory.findImported("English", "German", "Gift")).contains("Geschenk");
        assertThat(memory.findImported("en-GB", "de-AT", "Gift")).as("regions aside").contains("Geschenk");
        assertThat(memory.findImported("auto", "fr", "Gift")).contains("Cadeau");
        assertThat(memory.findImported("German", "fr", "Gift")).as("another source language").isEmpty();
        assertThat(memory.findImported("de", "en", "Geschenk")).as("the header's source only").isEmpty();
    }

    @Test
    void all_languages_as_the_source_go_every_way() throws Exception {
        TmxImport.Count count = load("""
                <tmx version="1.4"><header srclang="*all*"/><body>
                  <tu><tuv xml:lang="en"><seg>Gift</seg></tuv><tuv xml:lang="de"><seg>Geschenk</seg></tuv></tu>
                </body></tmx>""", null, null);

        assertThat(count.imported()).isEqualTo(2);
        assertThat(memory.findImported("auto", "German", "Gift")).contains("Geschenk");
        assertThat(memory.findImported("auto", "English", "Geschenk")).contains("Gift");
    }

    @Test
    void the_languages_asked_for_choose_the_pairs() throws Exception {
        TmxImport.Count count = load("""
                <tmx version="1.4"><header srclang="*all*"/><body>
                  <tu><tuv xml:lang="en"><seg>Gift</seg></tuv><tuv xml:lang="de"><seg>Geschenk</seg></tuv>
                      <tuv xml:lang="fr"><seg>Cadeau</seg></tuv></tu>
                  <tu><tuv xml:lang="en"><seg>Poison</seg></tuv><tuv xml:lang="fr"><seg>Poison</seg></tuv></tu>
                </body></tmx>""", "French", "German");

        assertThat(count).as("the second unit has no German").isEqualTo(new TmxImport.Count(1, 1));
        assertThat(memory.findImported("fr", "de", "Cadeau")).contains("Geschenk");
        assertThat(memory.findImported("auto", "de", "Gift")).isEmpty();
    }

    @Test
    void a_pair_with_inline_codes_or_an_empty_segment_is_skipped() throws Exception {
        TmxImport.Count count = load("""
                <tmx version="1.4"><header srclang="en"/><body>
                  <tu><tuv xml:lang="en"><seg><bpt i="1">&lt;b&gt;</bpt>Bold<ept i="1">&lt;/b&gt;</ept></seg></tuv>
                      <tuv xml:lang="de"><seg>Fett</seg></tuv></tu>
                  <tu><tuv xml:lang="en"><seg>Empty</seg></tuv><tuv xml:lang="de"><seg> </seg></tuv></tu>
                  <tu><tuv xml:lang="en"><seg>Alone</seg></tuv></tu>
                  <tu><tuv xml:lang="en"><seg>Kept</seg></tuv><tuv xml:lang="de"><seg>Behalten</seg></tuv></tu>
                </body></tmx>""", null, null);

        assertThat(count).isEqualTo(new TmxImport.Count(1, 3));
        assertThat(memory.findImported("en", "de", "Bold")).isEmpty();
    }

    @Test
    void a_unit_imported_again_takes_its_new_translation() throws Exception {
        String tmx = """
                <tmx version="1.4"><header srclang="en"/><body>
                  <tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="de"><seg>%s</seg></tuv></tu>
                  <tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="de"><seg>%s</seg></tuv></tu>
                </body></tmx>""";
        load(tmx.formatted("Hallo", "Servus"), null, null);
        assertThat(memory.findImported("en", "de", "Hello")).as("the later of two in one file").contains("Servus");

        load(tmx.formatted("Guten Tag", "Grüß Gott"), null, null);

        assertThat(memory.findImported("en", "de", "Hello")).contains("Grüß Gott");
    }

    @Test
    void a_document_that_is_no_tmx_is_refused() {
        assertThatThrownBy(() -> load("<xliff version=\"1.2\"/>", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<xliff>");
        assertThatThrownBy(() -> load("<tmx><body><tu>", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a TMX document");
    }

    @Test
    void an_export_writes_each_row_with_its_model_and_tags_for_the_stored_names() throws Exception {
        memory.store(new MemoryKey("auto", "German", "m1", SETTINGS, "Bell\u0007"), "Glocke");
        memory.store(new MemoryKey("auto", "German", "m1", SETTINGS, "<b>&"), "<b>&amp;");

        Document tmx = export("auto", "German");

        assertThat(((Element) tmx.getElementsByTagName("header").item(0)).getAttribute("srclang")).isEqualTo("und");
        assertThat(tmx.getElementsByTagName("tu").getLength()).isEqualTo(2);
        assertThat(texts(tmx.getElementsByTagName("seg"))).containsExactlyInAnyOrder("Bell\uFFFD", "Glocke", "<b>&", "<b>&amp;");
        Element variant = (Element) tmx.getElementsByTagName("tuv").item(1);
        assertThat(variant.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("de");
    }

    @Test
    void an_imported_unit_goes_out_without_a_model_and_with_its_own_tags() throws Exception {
        load("""
                <tmx version="1.4"><header srclang="en-US"/><body>
                  <tu><tuv xml:lang="en-US"><seg>Hi</seg></tuv><tuv xml:lang="de-DE"><seg>Hallo</seg></tuv></tu>
                </body></tmx>""", null, null);

        Document tmx = export("en-US", "de-DE");

        assertThat(tmx.getElementsByTagName("tu").getLength()).isEqualTo(1);
        assertThat(tmx.getElementsByTagName("prop").getLength()).isZero();
    }

    /** More exports than the pool has connections: one kept would make the next wait, then fail. */
    @Test
    @Timeout(30)
    void every_export_gives_its_connection_back_read_to_the_end_or_left_early() throws Exception {
        for (int i = 0; i < 250; i++) {
            memory.store(new MemoryKey("en", "de", "m1", SETTINGS, "Text " + i), "Text " + i);
        }
        for (int i = 0; i < 10; i++) {
            try (InputStream whole = new TmxExport(memory.rows("en", "de"), "en", "de")) {
                assertThat(new String(whole.readAllBytes(), StandardCharsets.UTF_8)).endsWith("</tmx>\n");
            }
            InputStream left = new TmxExport(memory.rows("en", "de"), "en", "de");
            assertThat(left.read(new byte[100])).isEqualTo(100);
            left.close();
        }
        assertThat(memory.find(new MemoryKey("en", "de", "m1", SETTINGS, "Text 0"))).contains("Text 0");
    }

    private static List<String> texts(NodeList nodes) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private TmxImport.Count load(String tmx, String source, String target) throws Exception {
        return new TmxImport(memory).read(new ByteArrayInputStream(tmx.getBytes(StandardCharsets.UTF_8)), source,
                target);
    }

    private Document export(String source, String target) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream document = new TmxExport(memory.rows(source, target), source, target)) {
            return factory.newDocumentBuilder().parse(document);
        }
    }
}
