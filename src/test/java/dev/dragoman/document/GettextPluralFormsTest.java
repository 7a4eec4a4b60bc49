package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;

import net.sf.okapi.common.LocaleId;

class GettextPluralFormsTest {

    @ParameterizedTest
    @CsvSource({"pl, 3", "ar, 6", "ja, 1", "en, 2", "fr, 2", "ru, 3", "cy, 6", "sl, 4", "zh-Hans, 1", "pt-BR, 2",
        "ga, 3"})
    void a_language_has_its_number_of_forms(String language, int forms) {
        assertThat(GettextPluralForms.of(LocaleId.fromBCP47(language)).orElseThrow().count()).isEqualTo(forms);
    }

    @Test
    void brazilian_portuguese_is_not_portuguese() {
        assertThat(GettextPluralForms.of(LocaleId.fromBCP47("pt-BR")).orElseThrow().form(0)).isZero();
        assertThat(GettextPluralForms.of(LocaleId.fromBCP47("pt-PT")).orElseThrow().form(0)).isEqualTo(1);
    }

    @Test
    void a_language_without_a_table_entry_gets_one_when_cldr_makes_it_obvious() {
        assertThat(GettextPluralForms.of(LocaleId.fromBCP47("yo")).orElseThrow().header())
                .isEqualTo("nplurals=1; plural=0;");
        assertThat(GettextPluralForms.of(LocaleId.fromBCP47("rm")).orElseThrow().header())
                .isEqualTo("nplurals=2; plural=(n != 1);");
        assertThat(GettextPluralForms.of(LocaleId.fromBCP47("ti")).orElseThrow().header())
                .isEqualTo("nplurals=2; plural=(n > 1);");
        assertThat(GettextPluralForms.of(LocaleId.fromBCP47("br"))).isEmpty();
    }

    @Test
    void arabic_notes_say_which_counts_each_form_is_for() {
        List<String> notes = GettextPluralForms.of(LocaleId.fromBCP47("ar")).orElseThrow().notes();

        assertThat(notes).containsExactly(
                "plural form 0 of 6 (msgstr[0]), CLDR category \"zero\", used for counts like 0",
                "plural form 1 of 6 (msgstr[1]), CLDR category \"one\", used for counts like 1",
                "plural form 2 of 6 (msgstr[2]), CLDR category \"two\", used for counts like 2",
                "plural form 3 of 6 (msgstr[3]), CLDR category \"few\", used for counts like 3, 4, 5, 6",
                "plural form 4 of 6 (msgstr[4]), CLDR category \"many\", used for counts like 11, 12, 13, 14",
                "plural form 5 of 6 (msgstr[5]), CLDR category \"other\", used for counts like 100, 101, 102, 200");
    }

    /**
     * The entries Dragoman adds to gettext's table come from CLDR: each form is used for counts of one CLDR category,
     * and two forms never share one.
     */
    @Test
    void the_cldr_entries_agree_with_icu() throws IOException {
        Properties table = new Properties();
        try (InputStream in = GettextPluralForms.class.getResourceAsStream("gettext-plural-forms.properties")) {
            table.load(in);
        }
        List<String> cldr = List.of("ar", "cy", "bs", "is", "mk", "zh", "id", "ms", "th", "km", "lo", "my", "hi", "bn",
                "fa", "gu", "kn", "am", "zu", "pa", "si", "hy", "fil", "tl", "ur", "sw", "mr", "ta", "te", "ml", "ne",
                "eu", "gl", "af", "sq", "ka", "kk", "az", "uz", "ky", "mn", "ps", "so", "xh", "ha", "lb");
        for (String language : cldr) {
            assertThat(table).containsKey(language);
            GettextPluralForms forms = GettextPluralForms.of(LocaleId.fromBCP47(language)).orElseThrow();
            PluralRules rules = PluralRules.forLocale(ULocale.forLanguageTag(language));
            Map<Integer, String> categoryOfForm = new HashMap<>();
            for (long n = 0; n < 1000; n++) {
                String category = rules.select(n);
                String previous = categoryOfForm.putIfAbsent(forms.form(n), category);
                assertThat(previous == null ? category : previous).as(language + " n=" + n).isEqualTo(category);
            }
            assertThat(categoryOfForm).as(language).hasSize(forms.count());
            assertThat(categoryOfForm.values()).as(language).doesNotHaveDuplicates();
        }
    }

    @Test
    void plural_expressions_are_evaluated_as_c_does() {
        String polish = "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)";
        assertThat(List.of(0L, 1L, 2L, 4L, 5L, 12L, 22L, 25L, 112L, 122L).stream()
                .map(n -> PluralExpression.evaluate(polish, n))).containsExactly(2, 0, 1, 1, 2, 2, 1, 2, 2, 1);
        assertThat(PluralExpression.evaluate("n != 1", 1)).isZero();
        assertThat(PluralExpression.evaluate("!(n > 1)", 0)).isEqualTo(1);
        assertThat(PluralExpression.evaluate("0", 7)).isZero();
        assertThatThrownBy(() -> PluralExpression.evaluate("n ==", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a gettext plural expression");
    }
}
