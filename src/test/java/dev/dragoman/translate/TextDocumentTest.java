package dev.dragoman.translate;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDocumentTest {

    @Test
    void keeps_blank_lines_indentation_and_line_endings() {
        TextDocument document = TextDocument.parse("Hello\n\n  Second line  \r\n\t\nlast");
        assertThat(document.segments()).containsExactly("Hello", "Second line", "last");
        assertThat(document.render(List.of("Bonjour", "Deuxième\nligne", "fin")))
                .isEqualTo("Bonjour\n\n  Deuxième ligne  \r\n\t\nfin");
    }

    @Test
    void an_empty_file_has_no_segments() {
        assertThat(TextDocument.parse("").segments()).isEmpty();
        assertThat(TextDocument.parse("\n\n").render(List.of())).isEqualTo("\n\n");
    }

    @Test
    void refuses_bytes_that_are_not_utf8_text() {
        TextFiles files = new TextFiles();
        assertThatThrownBy(() -> files.read(new byte[] { 'a', (byte) 0xC3, '(' }))
                .isInstanceOf(InvalidTextException.class).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> files.read(new byte[] { 'a', 0, 'b' }))
                .isInstanceOf(InvalidTextException.class).hasMessageContaining("NUL");
    }

    @Test
    void reads_utf8_with_or_without_byte_order_mark() throws Exception {
        byte[] withBom = "\uFEFF你好\n".getBytes(StandardCharsets.UTF_8);
        assertThat(new TextFiles().read(withBom).segments()).containsExactly("你好");
    }
}
