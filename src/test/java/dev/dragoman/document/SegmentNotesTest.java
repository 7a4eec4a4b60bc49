package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/** What each format tells the model about a segment, and which units it offers at all. */
class SegmentNotesTest {

    @Test
    void json_notes_are_key_paths_and_values_without_words_are_not_offered() throws Exception {
        OkapiDocument document = Samples.read(Samples.path("app.json"), "pl");

        assertThat(document.segments()).extracting(DocumentSegment::text, DocumentSegment::note).contains(
                tuple("Invoice manager", "key: /app/title"),
                tuple("First item", "key: /app/items/array:0"),
                tuple("Due on <x1/>", "key: /app/nested/deeper/label"));
        assertThat(document.segments()).extracting(DocumentSegment::text).doesNotContain("", "<x1/>");
    }

    @Test
    void yaml_offers_only_strings_with_their_key_paths() throws Exception {
        OkapiDocument document = Samples.read(Samples.path("app.yaml"), "pl");

        assertThat(document.segments()).extracting(DocumentSegment::text)
                .doesNotContain("3", "0.5", "true", "yes", "null")
                .contains("Invoice manager", "OK", "Cancel", "Delete <x1/> invoices?");
        assertThat(document.segments()).extracting(DocumentSegment::text, DocumentSegment::note)
                .contains(tuple("Invoice manager", "key: en/title"));
    }

    @Test
    void properties_notes_are_the_key_and_its_comment() throws Exception {
        OkapiDocument document = Samples.read(Samples.path("messages.properties"), "pl");

        assertThat(document.segments()).extracting(DocumentSegment::text, DocumentSegment::note).contains(
                tuple("Invoice manager", "key: app.title; note: Main window"),
                tuple("Press <x1/>Save<x2/> to keep <x3/> changes.",
                        "key: app.help; note: Shown under the Save button"));
    }

    @Test
    void xliff_notes_are_id_resname_and_notes_and_translated_or_untranslatable_units_are_not_offered()
            throws Exception {
        OkapiDocument document = Samples.read(Samples.path("app.xlf"), "pl");

        assertThat(document.segments()).extracting(DocumentSegment::id, DocumentSegment::note).containsExactly(
                tuple("title", "id: title; resname: app.title; note: Window title"),
                tuple("greeting", "id: greeting"));
        assertThat(document.sourceLanguage()).isEqualTo("en");
    }

    @Test
    void a_cues_note_gives_its_neighbours() throws Exception {
        OkapiDocument document = Samples.read(Samples.path("intro.srt"), "pl");

        assertThat(document.segments()).extracting(DocumentSegment::text, DocumentSegment::note).containsExactly(
                tuple("Hello, and welcome", "next cue: to the invoice manager."),
                tuple("to the <x1/>invoice<x2/> manager.",
                        "previous cue: Hello, and welcome; next cue: Press Save to keep your changes."),
                tuple("Press Save<x1/>to keep your changes.", "previous cue: to the invoice manager."));
    }

    @Test
    void a_declared_source_language_is_used_when_none_is_given() throws Exception {
        OkapiDocument page = Samples.read(Samples.path("page.html"), "pl");
        OkapiDocument json = Samples.read(Samples.path("app.json"), "pl");
        OkapiDocument given = OkapiDocument.read(Samples.path("app.json"),
                DocumentFormats.defaults().of("app.json", Samples.path("app.json")).orElseThrow(), "de", "pl");

        assertThat(page.sourceLanguage()).isEqualTo("en");
        assertThat(json.sourceLanguage()).isEqualTo("en");
        assertThat(given.sourceLanguage()).isEqualTo("de");
    }
}
