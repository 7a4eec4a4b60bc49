package dev.dragoman.document;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain scalar's translation that would not read back as itself unquoted ("Übersetzt: …", a trailing comment sign,
 * a leading quote, a word YAML reads as a boolean) is written double-quoted; one that would stays plain. Found by the
 * bench's formats phase: translations with a colon made the whole file invalid YAML.
 */
class YamlPlainScalarsTest {

    @TempDir
    Path dir;

    @Test
    void a_translation_that_cannot_stay_plain_is_written_double_quoted() throws Exception {
        Path source = Files.writeString(dir.resolve("app.yml"), """
                app:
                  title: Shopping basket
                  hint: Save your changes
                  note: Read the manual
                  quote: Say hello
                  answer: Agree
                  count: You have %{count} items
                """);
        Map<String, String> translations = Map.of(
                "Shopping basket", "Warenkorb",
                "Save your changes", "Hinweis: Änderungen speichern",
                "Read the manual", "Handbuch lesen #1",
                "Say hello", "\"Hallo\" sagen \\o/",
                "Agree", "yes",
                "You have <x1/> items", "Übersetzt: Sie haben <x1/> Artikel");
        OkapiDocument document = OkapiDocument.read(source, DocumentFormats.defaults().of("app.yml", source)
                .orElseThrow(), "en", "de");
        Path output = dir.resolve("out.yml");

        document.write(segment -> Optional.ofNullable(translations.get(segment.text())), output);

        String written = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(written).contains("title: Warenkorb\n", "hint: \"Hinweis: Änderungen speichern\"\n",
                "count: \"Übersetzt: Sie haben %{count} Artikel\"\n");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> yaml = (Map<String, Map<String, Object>>) new Load(LoadSettings.builder()
                .build()).loadFromString(written);
        assertThat(yaml.get("app")).containsEntry("title", "Warenkorb")
                .containsEntry("hint", "Hinweis: Änderungen speichern")
                .containsEntry("note", "Handbuch lesen #1")
                .containsEntry("quote", "\"Hallo\" sagen \\o/")
                .containsEntry("answer", "yes")
                .containsEntry("count", "Übersetzt: Sie haben %{count} Artikel");
    }
}
