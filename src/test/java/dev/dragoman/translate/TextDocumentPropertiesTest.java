package dev.dragoman.translate;

import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/** Random Unicode documents, rich in line breaks and whitespace of every kind, through the parser and back. */
class TextDocumentPropertiesTest {

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<Character> anyCharacter = Arbitraries.chars().all().filter(c -> c != '\0');
        Arbitrary<Character> layout = Arbitraries.of('\n', '\r', ' ', '\t', '\u000B', '\f', '\u2028', '\u2029',
                '\u0085', '\u3000', '\u00A0', '\uFEFF');
        return Arbitraries.frequencyOf(Tuple.of(3, anyCharacter), Tuple.of(2, layout)).list().ofMaxSize(300)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** Any text with something in it: an empty reply is no translation, and never reaches a document. */
    @Provide
    Arbitrary<String> translations() {
        return documents().filter(text -> !text.isBlank());
    }

    @Property(tries = 2000)
    void no_character_is_lost_by_the_parser(@ForAll("documents") String text) {
        TextDocument document = TextDocument.parse(text);

        assertThat(document.lines().stream().map(TextLine::text).collect(Collectors.joining())).isEqualTo(text);
        assertThat(document.render(document.texts())).as("an identity translation").isEqualTo(text);
    }

    @Property(tries = 2000)
    void the_output_has_exactly_the_input_lines(@ForAll("documents") String text,
            @ForAll("translations") String translation) {
        TextDocument document = TextDocument.parse(text);
        String rendered = document.render(document.texts().stream().map(segment -> translation).toList());

        List<TextLine> in = document.lines();
        List<TextLine> out = TextDocument.parse(rendered).lines();
        assertThat(out).hasSameSizeAs(in);
        for (int i = 0; i < in.size(); i++) {
            assertThat(out.get(i).ending()).isEqualTo(in.get(i).ending());
            if (in.get(i).blank()) {
                assertThat(out.get(i).text()).isEqualTo(in.get(i).text());
            } else if (!out.get(i).blank()) {
                assertThat(out.get(i).indent()).isEqualTo(in.get(i).indent());
                assertThat(out.get(i).trailing()).isEqualTo(in.get(i).trailing());
            }
        }
        assertThat(lineBreaks(rendered)).isEqualTo(lineBreaks(text));
    }

    private static String lineBreaks(String text) {
        return text.replaceAll("[^\\r\\n]", "");
    }
}
