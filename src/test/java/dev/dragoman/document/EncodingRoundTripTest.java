package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Byte order marks, Windows line breaks, a last line without a line break and a Latin-1 file come back as they were.
 */
class EncodingRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"app.json", "app.yaml", "messages.properties", "guide.md", "invoices_pl.po", "intro.srt",
        "intro.vtt", "app.xlf"})
    void windows_line_breaks_stay(String name) throws Exception {
        Path input = dir.resolve("crlf-" + name);
        Files.writeString(input, Files.readString(Samples.path(name)).replace("\n", "\r\n"));

        assertUntranslatedIsTheSame(input);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.json", "app.yaml", "messages.properties", "guide.md", "invoices_pl.po", "intro.srt",
        "intro.vtt", "app.xlf"})
    void a_last_line_without_a_line_break_stays_without(String name) throws Exception {
        String text = Files.readString(Samples.path(name)).stripTrailing();
        Path input = Files.writeString(dir.resolve("unterminated-" + name), text);
        Path crlf = Files.writeString(dir.resolve("unterminated-crlf-" + name), text.replace("\n", "\r\n"));

        assertUntranslatedIsTheSame(input);
        assertUntranslatedIsTheSame(crlf);
    }

    @Test
    void a_translated_last_cue_without_a_line_break_stays_without() throws Exception {
        Path input = Files.writeString(dir.resolve("unterminated.srt"),
                Files.readString(Samples.path("intro.srt")).stripTrailing());
        OkapiDocument document = Samples.read(input, "pl");

        String output = new String(Samples.write(document, segment -> Optional.of(Samples.upperCased(segment.text())),
                dir, "out.srt"), StandardCharsets.UTF_8);

        assertThat(output).endsWith("\n4\n00:00:06,500 --> 00:00:09,000\nPRESS SAVE\nTO KEEP YOUR CHANGES.");
    }

    @Test
    void a_byte_order_mark_stays_and_does_not_count_as_non_ascii_text() throws Exception {
        Path input = dir.resolve("bom.json");
        byte[] json = Files.readAllBytes(Samples.path("app.json"));
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        Files.write(input, withBom);

        assertUntranslatedIsTheSame(input);
    }

    @Test
    void a_latin1_properties_file_stays_latin1() throws Exception {
        Path input = Files.write(dir.resolve("latin1.properties"),
                "title=Caf\u00e9 cr\u00e8me\nsecond=Plain {0}\n".getBytes(StandardCharsets.ISO_8859_1));

        assertUntranslatedIsTheSame(input);
        OkapiDocument document = Samples.read(input, "fr");
        document.write(segment -> Optional.of(segment.text().replace("Plain", "Très simple")), dir.resolve("fr"));
        assertThat(new String(Files.readAllBytes(dir.resolve("fr")), StandardCharsets.ISO_8859_1))
                .isEqualTo("title=Caf\u00e9 cr\u00e8me\nsecond=Tr\u00e8s simple {0}\n");
    }

    private void assertUntranslatedIsTheSame(Path input) throws Exception {
        OkapiDocument document = Samples.read(input, "pl");
        Path output = dir.resolve("out-" + input.getFileName());
        document.write(segment -> Optional.empty(), output);
        assertThat(Files.readAllBytes(output)).isEqualTo(Files.readAllBytes(input));
    }
}
