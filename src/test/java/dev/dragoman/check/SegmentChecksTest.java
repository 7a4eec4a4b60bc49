package dev.dragoman.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dragoman.check.SegmentChecks.CheckFailure;

class SegmentChecksTest {

    @Test
    void all_names_every_check_cheapest_first() {
        assertThat(SegmentChecks.ALL)
                .containsExactly("markers", "placeholders", "unchanged", "chatter", "length", "language");
    }

    @Test
    void runs_the_chosen_checks_in_their_order_whatever_the_order_asked() {
        assertThat(SegmentChecks.of(List.of("language", " Markers ", "length", "")).names())
                .containsExactly("markers", "length", "language");
    }

    @Test
    void an_unknown_name_is_refused_with_the_known_ones() {
        assertThatIllegalArgumentException().isThrownBy(() -> SegmentChecks.of(List.of("markers", "spelling")))
                .withMessage("unknown check 'spelling'; the checks are markers, placeholders, unchanged, chatter, "
                        + "length, language");
    }

    @Test
    void reports_the_first_check_that_fails() {
        SegmentChecks checks = SegmentChecks.of(SegmentChecks.ALL);

        assertThat(checks.firstProblem("Save <g1>{name}</g1> now, please, before closing",
                "Sure! Here you go: Speichern", "en", "de"))
                .contains(new CheckFailure("markers", "marker <g1> missing; marker </g1> missing"));
        assertThat(checks.firstProblem("Save {name} now", "Sure! Here you go: Speichern Sie {name} jetzt", "en", "de"))
                .contains(new CheckFailure("chatter",
                        "the reply talks instead of translating (\"Sure! Here you go: Speichern…\")"));
    }

    @Test
    void passes_a_good_translation() {
        assertThat(SegmentChecks.of(SegmentChecks.ALL).firstProblem(
                "Hello {name}, you have %d <g1>new</g1> messages<x1/>",
                "Hallo {name}, Sie haben %d <g1>neue</g1> Nachrichten<x1/>", "en", "de")).isEmpty();
    }

    @Test
    void none_passes_everything() {
        assertThat(SegmentChecks.none().names()).isEmpty();
        assertThat(SegmentChecks.none().firstProblem("<g1>a</g1>", "", "en", "de")).isEmpty();
    }
}
