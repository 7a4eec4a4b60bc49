package dev.dragoman.translate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDocumentTest {

    @TempDir
    Path dir;

    @Test
    void keeps_blank_lines_indentation_and_line_endings() {
        TextDocument document = TextDocument.parse("Hello\n\n  Second line  \r\n\t\nlast");
        assertThat(document.texts()).containsExactly("Hello", "Second line", "last");
        assertThat(document.render(List.of("Bonjour", "Deuxième\nligne", "fin")))
                .isEqualTo("Bonjour\n\n  Deuxième ligne  \r\n\t\nfin");
    }

    @Test
    void an_empty_file_has_no_segments() {
        assertThat(TextDocument.parse("").texts()).isEmpty();
        assertThat(TextDocument.parse("\n\n").render(List.of())).isEqualTo("\n\n");
    }

    @Test
    void ends_lines_only_at_line_feed_and_carriage_return() {
        TextDocument document = TextDocument.parse("Hello\u2028World\nA\u2029B\u0085C\rlast\u2028");
        assertThat(document.texts()).containsExactly("Hello\u2028World", "A\u2029B\u0085C", "last");
        assertThat(document.lines()).hasSize(3);
        assertThat(document.render(List.of("Hallo\u2028Welt", "a\r\n b", "Ende")))
                .isEqualTo("Hallo\u2028Welt\na b\rEnde\u2028");
    }

    @Test
    void joins_only_real_line_breaks_of_a_translation() {
        TextLine line = TextDocument.parse("  x  \n").lines().get(0);
        assertThat(line.render("one\u2028two\n\n three\r\nfour\rfive\n"))
                .isEqualTo("  one\u2028two three four five  \n");
    }

    @Test
    void parses_a_long_run_of_spaces_in_linear_time() {
        String spaces = " ".repeat(100_000);
        String text = spaces + "x" + spaces + "\n" + spaces;
        // a generous bound: the old regex took about 26 s for 40,000 spaces, a linear pass takes milliseconds
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            TextDocument document = TextDocument.parse(text);
            assertThat(document.texts()).containsExactly("x");
            assertThat(document.render(List.of("y" + spaces))).isEqualTo(spaces + "y" + spaces + "\n" + spaces);
        }
        assertThat(System.nanoTime() - started).as("20 parses of 300,000 characters").isLessThan(10_000_000_000L);
    }

    @Test
    void refuses_bytes_that_are_not_utf8_text() throws IOException {
        TextFiles files = new TextFiles(dir.resolve("out"), dir.resolve("failed"), 1000, List.of(), 0,
                DocumentOpener.NONE);
        Path latin = Files.write(dir.resolve("a.txt"), new byte[] { 'a', '\n', 'b', (byte) 0xC3, '(' });
        assertThatThrownBy(() -> files.open(latin.toString(), "a.txt"))
                .isInstanceOf(InvalidTextException.class).hasMessageContaining("not valid UTF-8 text");
        Path nul = Files.write(dir.resolve("b.txt"), new byte[] { 'a', 0, 'b' });
        assertThatThrownBy(() -> files.open(nul.toString(), "b.txt"))
                .isInstanceOf(InvalidTextException.class).hasMessageContaining("NUL character at offset 1");
    }

    @Test
    void reads_utf8_with_or_without_byte_order_mark() throws Exception {
        TextFiles files = new TextFiles(dir.resolve("out"), dir.resolve("failed"), 1000, List.of(), 0,
                DocumentOpener.NONE);
        Path withBom = Files.write(dir.resolve("bom.txt"), "\uFEFF你好\n".getBytes(StandardCharsets.UTF_8));
        DroppedFile file = files.open(withBom.toString(), "bom.txt");
        assertThat(((TextDocument) file.next()).texts()).containsExactly("你好");
        assertThat(file.hasNext()).isFalse();
        file.discard();
    }
}
