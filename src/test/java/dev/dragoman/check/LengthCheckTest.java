package dev.dragoman.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LengthCheckTest {

    /** 30 code points. */
    private static final String SOURCE = "Save your work before closing.";

    private final LengthCheck check = new LengthCheck();

    @Test
    void is_named_length() {
        assertThat(check.name()).isEqualTo("length");
    }

    @Test
    void passes_a_translation_of_about_the_same_length() {
        assertThat(check.problem(SOURCE, "Speichern Sie Ihre Arbeit vor dem Schließen.", "en", "de")).isEmpty();
    }

    @Test
    void rejects_a_reply_far_longer_than_the_source() {
        assertThat(check.problem(SOURCE, "x".repeat(219), "en", "de"))
                .contains("length 7.3 times the source's (at most 5.0)");
    }

    @Test
    void rejects_a_reply_far_shorter_than_the_source() {
        assertThat(check.problem(SOURCE, "Ende", "en", "de"))
                .contains("length 0.133 times the source's (at least 0.2)");
    }

    @Test
    void measures_prose_without_markers_and_placeholders() {
        String source = "<g1>Save</g1> your work before {0} closing.<x1/> %s {{count}}";

        assertThat(check.problem(source, "x".repeat(219), "en", "de"))
                .contains("length 7.3 times the source's (at most 5.0)");
    }

    @Test
    void gives_a_translation_written_without_spaces_three_times_the_room_below() {
        String source = "Please save your work before you close the window.";

        assertThat(check.problem(source, "请先保存。", "en", "zh")).isEmpty();
        assertThat(check.problem(source, "保存", "en", "zh"))
                .contains("length 0.04 times the source's (at least 0.0667)");
    }

    @Test
    void gives_a_source_written_without_spaces_three_times_the_room_above() {
        String source = "请在关闭窗口之前保存您的工作，否则更改将会丢失。";

        assertThat(check.problem(source, "x".repeat(source.length() * 10), "zh", "en")).isEmpty();
        assertThat(check.problem(source, "x".repeat(source.length() * 16), "zh", "en"))
                .contains("length 16.0 times the source's (at most 15.0)");
    }

    @Test
    void skips_short_sources() {
        assertThat(check.problem("Cancel", "Abbrechen und zurück zur vorigen Seite gehen", "en", "de")).isEmpty();
    }

    @Test
    void takes_its_bounds_from_the_constructor() {
        assertThat(new LengthCheck(0.5, 2).problem(SOURCE, "x".repeat(90), "en", "de"))
                .contains("length 3.0 times the source's (at most 2.0)");
        assertThatIllegalArgumentException().isThrownBy(() -> new LengthCheck(2, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new LengthCheck(0, 1));
    }
}
