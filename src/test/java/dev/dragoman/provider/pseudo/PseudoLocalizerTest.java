package dev.dragoman.provider.pseudo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.dragoman.check.Placeholders;
import dev.dragoman.check.SegmentChecks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PseudoLocalizerTest {

    /** The checks a pseudo-localised text must pass: it is no real language, and "OK" stays "ÓĶ"-like. */
    private static final SegmentChecks CHECKS = SegmentChecks.of(SegmentChecks.ALL.stream()
            .filter(name -> !name.equals("language") && !name.equals("unchanged")).toList());

    @Test
    void accents_letters_pads_and_brackets() {
        assertThat(PseudoLocalizer.localize("Hello world")).isEqualTo("[Ĥéļļó ŵóŕļđ ~~~~]");
        assertThat(PseudoLocalizer.localize("")).isEqualTo("[]");
    }

    @Test
    void keeps_markers_and_placeholders_and_pads_for_the_prose_only() {
        assertThat(PseudoLocalizer.localize("Hello {name}, you have %d <g1>new</g1> messages<x1/>"))
                .isEqualTo("[Ĥéļļó {name}, ýóú ĥáṽé %d <g1>ñéŵ</g1> ɱéššáĝéš<x1/> ~~~~~~~~~]");
    }

    @Test
    void keeps_every_kind_of_placeholder_tag_and_url() {
        String text = "%1$s and %(user)s: {{count}} %{count} ${path} {0} %.2f <b>bold</b>&amp;&#160; "
                + "https://example.com/a?b=c";

        assertThat(PseudoLocalizer.localize(text)).isEqualTo("[%1$s áñđ %(user)s: {{count}} %{count} ${path} {0} "
                + "%.2f <b>ƀóļđ</b>&amp;&#160; https://example.com/a?b=c ~~~~~~]");
    }

    @Test
    void keeps_a_url_that_ends_the_text_apart_from_the_closing_bracket() {
        String pseudo = PseudoLocalizer.localize("https://example.com/path?q=1");

        assertThat(pseudo).isEqualTo("[https://example.com/path?q=1]");
        assertThat(Placeholders.protectedSpans(pseudo)).singleElement()
                .satisfies(span -> assertThat(pseudo.substring(span.start(), span.end()))
                        .isEqualTo("https://example.com/path?q=1"));
    }

    @Test
    void translates_the_option_texts_of_an_icu_plural_only() {
        assertThat(PseudoLocalizer.localize("{count, plural, one {# file} other {# files}}"))
                .isEqualTo("[{count, plural, one {# ƒíļé} other {# ƒíļéš}} ~~~~]");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> fragments = Arbitraries.oneOf(
                Arbitraries.of("Hello", "you", "have", "new", "messages", "Save", "the", "file", "Note:", "Sure,",
                        "here", "is", "Übersicht", "文件", "ok", "a", ",", ".", "!", "?", "(", ")", "'", "-", "\n",
                        "50%", "100%%"),
                Arbitraries.of("{name}", "%d", "%s", "%1$s", "%2$d", "%(user)s", "%.2f", "%-5d", "%@", "{{count}}",
                        "%{count}", "${path}", "{0}", "{n, number}", "{when, date, short}"),
                Arbitraries.of("<g1>", "</g1>", "<x1/>", "<x2/>", "<b3/>", "<e3/>", "<g4>bold</g4>"),
                Arbitraries.of("<b>", "</b>", "<br/>", "<a href=\"https://example.com\">", "</a>", "&amp;", "&#160;",
                        "https://example.com/path?q=1", "<!-- keep -->"),
                Arbitraries.of("{count, plural, one {# item} other {# items}}",
                        "{gender, select, female {her {name}} male {his} other {their}}",
                        "{place, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}"),
                Arbitraries.strings().withChars("abcxyz %{}<>/$&;#=,.:'\"()!?\n019_-*").ofMaxLength(12));
        return fragments.list().ofMaxSize(25).map(list -> String.join(" ", list));
    }

    @Property(tries = 1000)
    void a_pseudo_translation_passes_the_reply_checks(@ForAll("texts") String text) {
        String pseudo = PseudoLocalizer.localize(text);

        assertThat(CHECKS.firstProblem(text, pseudo, "en", "de")).as(pseudo).isEmpty();
    }

    @Property(tries = 300)
    void is_deterministic(@ForAll("texts") String text) {
        assertThat(PseudoLocalizer.localize(text)).isEqualTo(PseudoLocalizer.localize(text));
    }

    @Property(tries = 300)
    void keeps_every_protected_span_in_order(@ForAll("texts") String text) {
        assertThat(protectedTexts(PseudoLocalizer.localize(text))).isEqualTo(protectedTexts(text));
    }

    private static List<String> protectedTexts(String text) {
        List<String> texts = new ArrayList<>();
        Placeholders.protectedSpans(text)
                .forEach(span -> texts.add(text.substring(span.start(), span.end())));
        return texts;
    }
}
