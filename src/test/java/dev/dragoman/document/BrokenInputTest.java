package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that is not what its name says is refused with a message that says what and where. */
class BrokenInputTest {

    /** The first bytes of a PNG image: signature, then the IHDR chunk. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H',
        'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    @TempDir
    Path dir;

    @Test
    void a_png_named_json_is_not_a_valid_json_file() throws Exception {
        Path file = Files.write(dir.resolve("logo.json"), PNG);

        assertThatThrownBy(() -> Samples.read(file, "pl")).isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("not a valid JSON file: ").hasMessageContaining("line 1");
    }

    @Test
    void a_truncated_xliff_is_not_a_valid_xliff_file() throws Exception {
        String xliff = Files.readString(Samples.path("app.xlf"));
        Path file = Files.writeString(dir.resolve("app.xlf"),
                xliff.substring(0, xliff.indexOf("<trans-unit id=\"done\"")));

        assertThatThrownBy(() -> Samples.read(file, "pl")).isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("not a valid XLIFF file: ").hasMessageContaining("12");
    }

    @Test
    void a_po_file_with_an_unclosed_quote_is_not_a_valid_po_file() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.po"), "msgid \"Open\nmsgstr \"\"\n");

        assertThatThrownBy(() -> Samples.read(file, "pl")).isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("not a valid PO file: ");
    }

    @Test
    void a_yaml_file_with_empty_entries_is_reported_where_it_is_broken() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yml"), "en:\n  months:\n  -\n  - January\n  -\n"
                + "  days: [Monday\n");

        assertThatThrownBy(() -> Samples.read(file, "pl")).isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("not a valid YAML file: ").hasMessageContaining("at line 6, column 16");
    }

    @Test
    void a_png_named_docx_is_not_a_valid_docx_file() throws Exception {
        Path file = Files.write(dir.resolve("guide.docx"), PNG);

        assertThatThrownBy(() -> Samples.read(file, "pl")).isInstanceOf(DocumentException.class)
                .hasMessageStartingWith("not a valid DOCX file: ");
    }

    @Test
    void a_translation_with_a_missing_marker_names_the_segment_and_the_marker() throws Exception {
        OkapiDocument document = Samples.read(Samples.path("app.json"), "pl");

        assertThatThrownBy(() -> document.write(segment -> Optional.of("Witaj!"), dir.resolve("app.json")))
                .isInstanceOf(DocumentException.class)
                .hasMessage("the translation of segment tu2 does not fit it: marker <x1/> is missing");
        org.assertj.core.api.Assertions.assertThat(dir.resolve("app.json")).doesNotExist();
    }
}
