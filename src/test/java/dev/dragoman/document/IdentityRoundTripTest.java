package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Writing a document with no translation gives back its bytes; so does writing a monolingual document with each
 * segment's own text as its translation (the markers restore the inline codes exactly). The target language is the
 * one the document already declares where it declares one (an HTML page's lang, a PO header's Language), since
 * writing a translation sets it.
 */
class IdentityRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "app.json, pl", "app.yaml, pl", "messages.properties, pl", "messages_pl.properties, pl", "guide.md, pl",
        "page.html, en", "app.xlf, pl", "invoices_pl.po, pl", "intro.srt, pl", "intro.vtt, pl"})
    void untranslated_document_comes_back_byte_for_byte(String name, String target) throws Exception {
        Path input = Samples.path(name);
        OkapiDocument document = Samples.read(input, target);

        byte[] output = Samples.write(document, segment -> Optional.empty(), dir, name);

        assertThat(new String(output, StandardCharsets.UTF_8)).isEqualTo(Files.readString(input));
        assertThat(output).isEqualTo(Files.readAllBytes(input));
    }

    @ParameterizedTest
    @CsvSource({
        "app.json, pl", "app.yaml, pl", "messages.properties, pl", "messages_pl.properties, pl", "guide.md, pl",
        "page.html, en", "intro.srt, pl", "intro.vtt, pl"})
    void monolingual_document_translated_into_its_own_text_comes_back_byte_for_byte(String name, String target)
            throws Exception {
        Path input = Samples.path(name);
        OkapiDocument document = Samples.read(input, target);

        byte[] output = Samples.write(document, segment -> Optional.of(segment.text()), dir, name);

        assertThat(new String(output, StandardCharsets.UTF_8)).isEqualTo(Files.readString(input));
        assertThat(output).isEqualTo(Files.readAllBytes(input));
    }
}
