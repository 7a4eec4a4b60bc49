package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentFormatsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "messages.po, po, okf_po", "template.POT, po, okf_po", "app.xlf, xliff, okf_xliff",
        "app.xliff, xliff, okf_xliff", "en.json, json, okf_json", "messages.properties, properties, okf_properties",
        "en.yml, yaml, okf_yaml", "en.yaml, yaml, okf_yaml", "README.md, markdown, okf_markdown",
        "index.htm, html, okf_html", "index.html, html, okf_html", "film.srt, srt, okf_vtt", "talk.vtt, vtt, okf_vtt",
        "guide.docx, docx, okf_openxml"})
    void a_known_extension_has_its_format_and_dragomans_parameters(String name, String format, String filter)
            throws Exception {
        Path file = Files.writeString(dir.resolve(name), "<xliff version=\"1.2\">");

        DocumentFormat found = DocumentFormats.defaults().of("inbox/" + name, file).orElseThrow();

        assertThat(found.name()).isEqualTo(format);
        assertThat(found.filterConfigId()).isEqualTo(filter);
        assertThat(found.params()).isEqualTo(FilterDefaults.of(format, filter));
    }

    @Test
    void srt_and_vtt_differ_in_their_time_format() {
        assertThat(FilterDefaults.of("srt", "okf_vtt")).contains("timeFormat=HH:mm:ss,SSS")
                .contains("keepTimecodes.b=true");
        assertThat(FilterDefaults.of("vtt", "okf_vtt")).contains("timeFormat=HH:mm:ss.SSS");
    }

    @Test
    void plain_text_and_unknown_extensions_have_no_format() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "Hello");

        assertThat(DocumentFormats.defaults().of("notes.txt", text)).isEmpty();
        assertThat(DocumentFormats.defaults().of("data.csv", text)).isEmpty();
        assertThat(DocumentFormats.defaults().of("Makefile", text)).isEmpty();
    }

    @Test
    void an_xliff_2_file_is_read_by_the_xliff_2_filter() throws Exception {
        Path file = Samples.path("app2.xlf");

        DocumentFormat format = DocumentFormats.defaults().of("app2.xlf", file).orElseThrow();

        assertThat(format.name()).isEqualTo("xliff2");
        assertThat(format.filterConfigId()).isEqualTo("okf_xliff2");
    }

    @Test
    void a_users_mapping_comes_first_folders_before_extensions_longest_first() throws Exception {
        Path file = Files.writeString(dir.resolve("a.strings"), "key=value");
        DocumentFormats formats = new DocumentFormats(
                Map.of(".strings", "okf_properties", "docs/", "okf_markdown", "docs/raw/", DocumentFormats.PLAIN_TEXT,
                        ".md", DocumentFormats.PLAIN_TEXT),
                Map.of("docs/", "#v1\ntranslateCodeBlocks.b=true"));

        assertThat(formats.of("a.strings", file)).hasValueSatisfying(format -> {
            assertThat(format.name()).isEqualTo("properties");
            assertThat(format.params()).isEqualTo(FilterDefaults.of("properties", "okf_properties"));
        });
        assertThat(formats.of("docs/guide.txt", file)).hasValueSatisfying(format -> {
            assertThat(format.filterConfigId()).isEqualTo("okf_markdown");
            assertThat(format.params()).isEqualTo("#v1\ntranslateCodeBlocks.b=true");
        });
        assertThat(formats.of("docs\\sub\\notes.txt", file)).hasValueSatisfying(
                format -> assertThat(format.filterConfigId()).isEqualTo("okf_markdown"));
        assertThat(formats.of("docs/raw/notes.md", file)).isEmpty();
        assertThat(formats.of("README.md", file)).isEmpty();
    }

    @Test
    void a_mapped_okapi_variant_keeps_its_id_as_name() throws Exception {
        Path file = Files.writeString(dir.resolve("ids.po"), "msgid \"a\"\nmsgstr \"\"\n");
        DocumentFormats formats = new DocumentFormats(Map.of("ids/", "okf_po-monolingual"), Map.of());

        DocumentFormat format = formats.of("ids/ids.po", file).orElseThrow();

        assertThat(format.name()).isEqualTo("okf_po-monolingual");
        assertThat(format.params()).isNull();
    }

    @Test
    void a_mapping_to_an_unknown_filter_is_refused_at_once() {
        assertThatThrownBy(() -> new DocumentFormats(Map.of(".strings", "okf_strings"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dragoman document format .strings = okf_strings: no such Okapi filter configuration");
    }
}
