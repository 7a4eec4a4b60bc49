package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** HTTP and Kafka texts get their markup protected as documents' do, and back. */
class SnippetsTest {

    static Stream<Arguments> snippets() {
        return Stream.of(
                arguments("html",
                        "Press <b>Save</b> to keep <a href=\"/changes\" title=\"Your changes\">your changes</a>."),
                arguments("html", "<p>First paragraph with {name}.</p>\n<p>Second <i>one</i>.</p>"),
                arguments("markdown",
                        "Press **Save** to keep `the file` and read [the guide](https://example.com/guide)."),
                arguments("markdown", "# Title\n\nA paragraph with *emphasis*.\n\n- an item\n"),
                arguments("icu", "You have {count, plural, one {# invoice} other {# invoices}} from {company}."),
                arguments("icu", "{gender, select, female {She} male {He} other {They}} paid '{'{amount, number}'}'."),
                arguments("printf", "%1$s paid %.2f for %d invoices (%(name)s), 100% done."),
                arguments("text", "Press <b>Save</b> {now}"));
    }

    @ParameterizedTest
    @MethodSource("snippets")
    void restoring_the_coded_text_itself_gives_the_snippet_back(String format, String text) {
        ProtectedText protectedText = Snippets.protect(text, format);

        assertThat(protectedText.restore(protectedText.coded())).isEqualTo(text);
    }

    @Test
    void html_tags_and_attributes_are_markers_and_alt_and_title_text() {
        ProtectedText html = Snippets.protect("Press <b>Save</b> to keep <a href=\"/changes\">your changes</a>.",
                "html");

        assertThat(html.coded()).isEqualTo("Press <g1>Save</g1> to keep <g2>your changes</g2>.");
        assertThat(html.restore("Naciśnij <g1>Zapisz</g1>, by zachować <g2>zmiany</g2>."))
                .isEqualTo("Naciśnij <b>Zapisz</b>, by zachować <a href=\"/changes\">zmiany</a>.");
    }

    @Test
    void markdown_code_and_link_targets_are_markers() {
        ProtectedText markdown = Snippets.protect("Run `make` and read [the guide](https://example.com/guide).",
                "markdown");

        assertThat(markdown.coded()).doesNotContain("make").doesNotContain("https://example.com/guide")
                .contains("the guide");
        assertThat(markdown.restore(Samples.upperCased(markdown.coded())))
                .isEqualTo("RUN `make` AND READ [THE GUIDE](https://example.com/guide).");
    }

    @Test
    void two_html_paragraphs_are_one_coded_text_with_a_marker_between() {
        ProtectedText html = Snippets.protect("<p>First {name}.</p>\n<p>Second <i>one</i>.</p>", "html");

        assertThat(html.coded()).isEqualTo("First <x1/>.<x2/>Second <g3>one</g3>.");
        assertThat(html.restore("Pierwszy <x1/>.<x2/>Drugi <g3>jeden</g3>."))
                .isEqualTo("<p>Pierwszy {name}.</p>\n<p>Drugi <i>jeden</i>.</p>");
    }

    @Test
    void icu_syntax_is_markers_and_the_sub_messages_are_text() {
        ProtectedText icu = Snippets.protect("You have {count, plural, one {# invoice} other {# invoices}}.", "icu");

        assertThat(icu.coded()).isEqualTo("You have <x1/> invoice<x2/> invoices<x3/>.");
        assertThat(icu.restore("Masz <x1/> fakturę<x2/> faktur<x3/>."))
                .isEqualTo("Masz {count, plural, one {# fakturę} other {# faktur}}.");
    }

    @Test
    void an_icu_plural_with_explicit_values_keeps_them_as_syntax() {
        ProtectedText icu = Snippets.protect("{count, plural, =0 {nothing} =1 {one thing} other {# things}}", "icu");

        assertThat(icu.coded()).isEqualTo("<x1/>nothing<x2/>one thing<x3/> things<x4/>");
        assertThat(icu.restore("<x1/>nic<x2/>jedna rzecz<x3/> rzeczy<x4/>"))
                .isEqualTo("{count, plural, =0 {nic} =1 {jedna rzecz} other {# rzeczy}}");
    }

    @Test
    void printf_conversions_are_markers() {
        ProtectedText printf = Snippets.protect("%1$s paid %.2f, 50 % off", "printf");

        assertThat(printf.coded()).isEqualTo("<x1/> paid <x2/>, 50 % off");
        assertThat(printf.restore("<x1/> zapłacił <x2/>, 50 % taniej"))
                .isEqualTo("%1$s zapłacił %.2f, 50 % taniej");
    }

    @Test
    void text_is_left_as_it_is() {
        ProtectedText text = Snippets.protect("Press <b>Save</b> {now}", "text");

        assertThat(text.coded()).isEqualTo("Press <b>Save</b> {now}");
        assertThat(text.restore("Naciśnij <b>Zapisz</b>")).isEqualTo("Naciśnij <b>Zapisz</b>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "html|Naciśnij Zapisz.|marker <g1> is missing",
        "html|Naciśnij <g1>Zapisz</g1> <g1>x</g1>.|marker <g1> appears more often than in the source",
        "html|Naciśnij <g2>Zapisz</g2>.|marker <g2> is not in the source",
        "html|Naciśnij </g1>Zapisz<g1>.|marker </g1> closes nothing open",
        "icu|Masz <x1/> fakturę faktur<x3/>.|marker <x2/> is missing",
        "printf|<x1/> zapłacił <x1/>|marker <x1/> appears more often than in the source"})
    void a_translation_whose_markers_do_not_match_is_refused_naming_the_marker(String format, String translated,
            String message) {
        String source = switch (format) {
            case "html" -> "Press <b>Save</b>.";
            case "icu" -> "You have {count, plural, one {# invoice} other {# invoices}}.";
            default -> "%1$s paid %.2f";
        };
        ProtectedText protectedText = Snippets.protect(source, format);

        assertThatThrownBy(() -> protectedText.restore(translated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void html_paragraph_separators_must_stay_in_order() {
        ProtectedText html = Snippets.protect("<p>One.</p><p>Two.</p><p>Three.</p>", "html");

        assertThat(html.coded()).isEqualTo("One.<x1/>Two.<x2/>Three.");
        assertThatThrownBy(() -> html.restore("Jeden.<x2/>Dwa.<x1/>Trzy."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("marker <x2/> is out of place");
    }

    @Test
    void an_unknown_format_is_refused() {
        assertThatThrownBy(() -> Snippets.protect("x", "rtf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown snippet format rtf: html, markdown, icu, printf or text");
    }
}
