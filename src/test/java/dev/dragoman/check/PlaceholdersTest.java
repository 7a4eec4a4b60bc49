package dev.dragoman.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dragoman.check.Placeholder.Kind;

class PlaceholdersTest {

    private static List<String> texts(String text) {
        return Placeholders.find(text).stream().map(Placeholder::text).toList();
    }

    private static List<Kind> kinds(String text) {
        return Placeholders.find(text).stream().map(Placeholder::kind).toList();
    }

    private static List<String> protectedTexts(String text) {
        return Placeholders.protectedSpans(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void finds_printf_conversions_of_java_c_python_and_objective_c() {
        String text = "%s %d %.2f %-5d %@ %lld %zu %tY %n %x";

        assertThat(texts(text)).containsExactly("%s", "%d", "%.2f", "%-5d", "%@", "%lld", "%zu", "%tY", "%n", "%x");
        assertThat(kinds(text)).containsOnly(Kind.PRINTF);
    }

    @Test
    void numbered_and_named_conversions_may_move() {
        assertThat(texts("%2$s by %1$s, %(count)d files")).containsExactly("%2$s", "%1$s", "%(count)d");
        assertThat(kinds("%2$s by %1$s, %(count)d files")).containsOnly(Kind.PRINTF_INDEXED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100%% sure", "50% of the users", "50 % des utilisateurs", "5%-10% off", "100%"})
    void a_percent_sign_in_prose_is_no_placeholder(String text) {
        assertThat(Placeholders.find(text)).isEmpty();
    }

    @Test
    void finds_brace_placeholders_of_i18next_rails_and_templates() {
        String text = "{{count}} items for %{user} in ${folder}";

        assertThat(texts(text)).containsExactly("{{count}}", "%{user}", "${folder}");
        assertThat(kinds(text)).containsOnly(Kind.BRACE);
        assertThat(Placeholders.find(text).get(1).span()).isEqualTo(new Span(20, 27));
    }

    @Test
    void finds_icu_and_message_format_arguments_without_the_spaces_icu_ignores() {
        assertThat(texts("{0} sent { name } {n,number, integer} on {d, date, short}"))
                .containsExactly("{0}", "{name}", "{n, number, integer}", "{d, date, short}");
        assertThat(kinds("{0} {name}")).containsOnly(Kind.ICU_ARGUMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{ not a placeholder }", "{\"a\": 1}", "{}", "set {a, b}", "a } b {"})
    void braces_around_prose_or_json_are_no_placeholder(String text) {
        assertThat(Placeholders.find(text)).isEmpty();
    }

    @Test
    void reads_an_icu_plural_with_its_keywords_and_nested_arguments() {
        String text = "{count, plural, =0 {No files} one {# file in {folder}} other {# files in {folder}}}";

        List<Placeholder> found = Placeholders.find(text);

        assertThat(found).extracting(Placeholder::text).containsExactly("{count, plural}", "{folder}", "{folder}");
        assertThat(found.get(0).kind()).isEqualTo(Kind.ICU_PLURAL);
        assertThat(found.get(0).keywords()).containsExactly("=0", "one", "other");
        assertThat(found.get(0).span()).isEqualTo(new Span(0, text.length()));
        assertThat(found.get(1).keywords()).isEmpty();
    }

    @Test
    void reads_select_and_selectordinal_with_the_keywords_of_their_own_level() {
        String text = "{gender, select, female {{n, selectordinal, one {#st} other {#th}}} other {them}}";

        List<Placeholder> found = Placeholders.find(text);

        assertThat(found).extracting(Placeholder::kind).containsExactly(Kind.ICU_SELECT, Kind.ICU_SELECTORDINAL);
        assertThat(found.get(0).keywords()).containsExactly("female", "other");
        assertThat(found.get(1).keywords()).containsExactly("one", "other");
    }

    @Test
    void the_option_texts_of_an_icu_plural_are_translatable_its_syntax_is_not() {
        String text = "{count, plural, offset:1 one {# item for {name}} other {<b>#</b> items}}";

        assertThat(protectedTexts(text)).as("merged where they touch")
                .containsExactly("{count, plural, offset:1 one {#", "{name}} other {<b>#</b>", "}}");
    }

    @Test
    void protects_markers_placeholders_tags_entities_and_urls() {
        String text = "Hello {name}, <g1>you</g1> have %d&nbsp;new <a href=\"x\">messages</a><x1/> "
                + "at https://example.com/inbox?id=1. &#160;";

        assertThat(protectedTexts(text)).containsExactly("{name}", "<g1>", "</g1>", "%d&nbsp;", "<a href=\"x\">",
                "</a><x1/>", "https://example.com/inbox?id=1", "&#160;");
    }

    @Test
    void the_translatable_text_is_the_prose_between_the_protected_spans() {
        assertThat(Placeholders.translatableText("  Hello <b>{name}</b>,\n you have %d   new messages "))
                .isEqualTo("Hello , you have new messages");
        assertThat(Placeholders.translatableText("{count, plural, one {# item} other {# items}}"))
                .isEqualTo("item items");
    }
}
