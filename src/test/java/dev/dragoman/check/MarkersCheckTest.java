package dev.dragoman.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkersCheckTest {

    private final MarkersCheck check = new MarkersCheck();

    private Optional<String> problem(String source, String translation) {
        return check.problem(source, translation, "en", "de");
    }

    @Test
    void is_named_markers() {
        assertThat(check.name()).isEqualTo("markers");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Click <g1>Save</g1> now<x1/>              | Klicken Sie jetzt<x1/> auf <g1>Speichern</g1>",
            "<g1>one</g1> and <g2>two</g2>              | <g2>zwei</g2> und <g1>eins</g1>",
            "<g1>a <g2>b</g2></g1>                      | <g1><g2>b</g2> a</g1>",
            "<b1/>a <g2>b<e1/> c</g2>                   | <b1/>a <g2>b<e1/> c</g2>",
            "No codes at all                            | Gar keine Codes"})
    void passes_a_translation_with_every_marker_once_in_order(String source, String translation) {
        assertThat(problem(source, translation)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Click <g1>Save</g1> or <g2>Cancel</g2> | Klicken Sie <g1>Speichern</g1> oder Abbrechen | marker <g2> missing; marker </g2> missing",
            "Line<x1/>break                         | Zeilen<x1/>um<x1/>bruch                       | marker <x1/> twice",
            "Line<x1/>break                         | Zeilen<x1/>u<x1/>m<x1/>bruch                  | marker <x1/> 3 times",
            "<g1>Save</g1>                          | <g1>Speichern</g1> <g3>jetzt</g3>             | marker <g3> added; marker </g3> added",
            "<g1>a <g2>b</g2></g1>                  | <g1>a <g2>b</g1></g2>                         | markers </g1> and <g2> not nested",
            "<g1>Save</g1> it                       | </g1>Speichern<g1>                            | marker </g1> before <g1>",
            "<b1/>Save<e1/> it                      | <e1/>Speichern<b1/>                           | marker <e1/> before <b1/>"})
    void names_the_marker_that_is_wrong(String source, String translation, String reason) {
        assertThat(problem(source, translation)).contains(reason);
    }

    @Test
    void a_source_out_of_order_sets_no_rule_for_the_order() {
        assertThat(problem("</g1>odd<g1>", "<g1>seltsam</g1>")).isEmpty();
    }
}
