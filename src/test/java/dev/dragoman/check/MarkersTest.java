package dev.dragoman.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkersTest {

    @Test
    void finds_every_kind_of_letter_coded_marker_with_its_id_and_position() {
        String text = "<g1>Save</g1> the <x2/> file <b3/>now<e3/>";

        assertThat(Markers.find(text)).containsExactly(
                new Marker(Marker.Type.OPENING, 1, new Span(0, 4)),
                new Marker(Marker.Type.CLOSING, 1, new Span(8, 13)),
                new Marker(Marker.Type.ISOLATED, 2, new Span(18, 23)),
                new Marker(Marker.Type.BEGIN, 3, new Span(29, 34)),
                new Marker(Marker.Type.END, 3, new Span(37, 42)));
    }

    @Test
    void renders_a_marker_and_its_partner() {
        Marker opening = Markers.find("<g12>").get(0);

        assertThat(opening.text()).isEqualTo("<g12>");
        assertThat(opening.partner()).isEqualTo("</g12>");
        assertThat(opening.opens()).isTrue();
        assertThat(Markers.find("<e4/>").get(0).partner()).isEqualTo("<b4/>");
    }

    @Test
    void ignores_html_and_ids_that_are_not_markers() {
        assertThat(Markers.find("<b>bold</b> <g0> <x/> <g01> <br/> <G1>")).isEmpty();
    }
}
