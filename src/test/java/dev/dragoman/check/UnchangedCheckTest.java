package dev.dragoman.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnchangedCheckTest {

    private final UnchangedCheck check = new UnchangedCheck();

    @Test
    void is_named_unchanged() {
        assertThat(check.name()).isEqualTo("unchanged");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Save the file                   | Save the file",
            "Save  the <g1>file</g1>         | Save the file",
            "You have %d new messages        | You have   %d new messages",
            "Delete {count} files?           | Delete {n} files?"})
    void rejects_the_source_returned_as_it_was(String source, String translation) {
        assertThat(check.problem(source, translation, "en", "de")).contains("returned the source unchanged");
    }

    @Test
    void rejects_a_text_without_spaces_of_twelve_letters_or_more() {
        String source = "请在关闭窗口之前保存您的文件";

        assertThat(check.problem(source, source, "zh-Hans", "English")).contains("returned the source unchanged");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "OK                 | en | de",
            "API                | en | de",
            "{count} <x1/>      | en | de",
            "保存文件            | zh | en",
            "Save the file      | en | en-GB",
            "Save the file      | English | en",
            "Save the file      | auto | de"})
    void lets_short_texts_codes_and_same_language_pairs_stay(String source, String sourceLang, String targetLang) {
        assertThat(check.problem(source, source, sourceLang, targetLang)).isEmpty();
    }

    @Test
    void passes_a_translation() {
        assertThat(check.problem("Save the file", "Datei speichern", "en", "de")).isEmpty();
    }
}
