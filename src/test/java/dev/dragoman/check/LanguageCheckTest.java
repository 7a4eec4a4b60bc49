package dev.dragoman.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageCheckTest {

    private static final String SOURCE = "The file was uploaded and is now being processed.";

    private final LanguageCheck check = new LanguageCheck();

    @Test
    void is_named_language() {
        assertThat(check.name()).isEqualTo("language");
    }

    @Test
    void rejects_a_german_reply_for_a_french_target() {
        assertThat(check.problem(SOURCE, "Die Datei wurde erfolgreich hochgeladen und wird nun verarbeitet.", "en",
                "fr")).contains("answered in German, not French");
    }

    @Test
    void rejects_the_source_language_for_a_target_by_name() {
        assertThat(check.problem(SOURCE, SOURCE + " Please wait until it is done.", "English", "German"))
                .contains("answered in English, not German");
    }

    @Test
    void passes_a_french_reply_for_a_french_target() {
        assertThat(check.problem(SOURCE, "Le fichier a été téléversé et il est en cours de traitement.", "en", "fr"))
                .isEmpty();
    }

    @Test
    void passes_a_reply_in_a_language_outside_the_common_ones() {
        assertThat(check.problem(SOURCE, "Plik został przesłany i jest teraz przetwarzany przez serwer.", "en",
                "pl")).isEmpty();
    }

    @Test
    void skips_a_reply_of_fewer_than_30_letters() {
        assertThat(check.problem("Save the file", "Die Datei speichern", "en", "fr")).isEmpty();
    }

    @Test
    void counts_letters_without_markers_placeholders_tags_and_urls() {
        String reply = "<g1>Datei</g1> {filename} <b>https://example.com/downloads/archive</b> %s {{count}} gesichert";

        assertThat(check.problem(SOURCE, reply, "en", "fr")).isEmpty();
    }

    @Test
    void skips_a_target_the_detector_does_not_know() {
        assertThat(check.problem(SOURCE, "Die Datei wurde erfolgreich hochgeladen und wird nun verarbeitet.", "en",
                "Klingon")).isEmpty();
    }
}
