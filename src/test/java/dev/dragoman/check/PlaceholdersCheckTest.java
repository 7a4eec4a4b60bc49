package dev.dragoman.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholdersCheckTest {

    private final PlaceholdersCheck check = new PlaceholdersCheck();

    private Optional<String> problem(String source, String translation, String targetLang) {
        return check.problem(source, translation, "en", targetLang);
    }

    @Test
    void is_named_placeholders() {
        assertThat(check.name()).isEqualTo("placeholders");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "%s has %d files                   | %s hat %d Dateien",
            "%1$s shared %2$s                  | %2$s wurde von %1$s geteilt",
            "%(user)s shared %(file)s          | %(file)s wurde von %(user)s geteilt",
            "Hello {name}, you have {0} items  | Sie haben {0} Elemente, {name}",
            "{{count}} new messages            | {{count}} neue Nachrichten",
            "%{count} files in %{folder}       | In %{folder} sind %{count} Dateien",
            "Open ${path}                      | ${path} öffnen",
            "100%% done with {n, number}        | Zu 100%% fertig mit {n,number}",
            "Saved.                            | Gespeichert."})
    void passes_placeholders_carried_over_where_they_may_move(String source, String translation) {
        assertThat(problem(source, translation, "de")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{{category}} posts          | {{kategória}} bejegyzések  | placeholder {{category}} missing; placeholder {{kategória}} added",
            "You have {count} messages   | Sie haben Nachrichten      | placeholder {count} missing",
            "%s files                    | %s Dateien, %d neu         | placeholder %d added",
            "%s has %d files             | %d Dateien hat %s          | printf %s %d reordered",
            "%{count} files              | %{anzahl} Dateien          | placeholder %{count} missing; placeholder %{anzahl} added",
            "%1$s shared %2$s            | %1$s hat geteilt           | placeholder %2$s missing",
            "%s and %s                   | %s                         | placeholder %s missing",
            "Hi {name}                   | Hallo {Name}               | placeholder {name} missing; placeholder {Name} added"})
    void names_the_placeholder_that_is_wrong(String source, String translation, String reason) {
        assertThat(problem(source, translation, "hu")).contains(reason);
    }

    private static final String PLURAL = "{count, plural, one {# file} other {# files}}";

    @Test
    void the_option_texts_of_an_icu_plural_are_translated() {
        assertThat(problem(PLURAL, "{count, plural, one {# Datei} other {# Dateien}}", "de")).isEmpty();
    }

    @Test
    void a_target_language_may_add_its_own_plural_categories() {
        assertThat(problem(PLURAL, "{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}",
                "pl")).isEmpty();
        assertThat(problem(PLURAL, "{count, plural, one {# plik} few {# pliki} other {# pliku}}", "Polish"))
                .isEmpty();
    }

    @Test
    void a_target_language_may_drop_categories_it_does_not_have() {
        assertThat(problem(PLURAL, "{count, plural, other {#個のファイル}}", "ja")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{count, plural, other {# Dateien}}                               | de | keyword one missing in {count, plural}",
            // ICU reads no plural without other
            "{count, plural, one {# plik} few {# pliki}}                      | pl | placeholder {count, plural} missing",
            "{count, plural, one {# Datei} few {# Dateien} other {# Dateien}} | de | keyword few added to {count, plural}",
            "{count, plural, =5 {fünf} one {# Datei} other {# Dateien}}       | de | keyword =5 added to {count, plural}",
            "{anzahl, plural, one {# Datei} other {# Dateien}}                | de | placeholder {count, plural} missing; placeholder {anzahl, plural} added",
            "{count, plural, one {# plik} few {# pliki} other {# pliku}}      | Klingon | keyword few added to {count, plural}"})
    void names_the_plural_keyword_that_is_wrong(String translation, String targetLang, String reason) {
        assertThat(problem(PLURAL, translation, targetLang)).contains(reason);
    }

    @Test
    void an_explicit_value_stays() {
        assertThat(problem("{n, plural, =0 {no files} one {# file} other {# files}}",
                "{n, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}", "pl"))
                .contains("keyword =0 missing in {n, plural}");
    }

    @Test
    void a_select_keeps_exactly_its_keywords() {
        String source = "{gender, select, female {She} male {He} other {They}} replied";

        assertThat(problem(source, "{gender, select, female {Sie} male {Er} other {Sie}} antwortete", "de")).isEmpty();
        assertThat(problem(source, "{gender, select, female {Sie} other {Sie}} antwortete", "de"))
                .contains("keyword male missing in {gender, select}");
    }

    @Test
    void ordinal_categories_are_those_of_the_target_language() {
        String source = "{place, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} place";

        assertThat(problem(source, "{place, selectordinal, other {#.}} Platz", "de")).isEmpty();
        assertThat(problem(source, "{place, selectordinal, zero {#.} other {#.}} Platz", "de"))
                .contains("keyword zero added to {place, selectordinal}");
    }

    @Test
    void a_placeholder_nested_in_added_options_is_no_addition() {
        String source = "{count, plural, one {{name} has # file} other {{name} has # files}}";
        String translation = "{count, plural, one {{name} ma # plik} few {{name} ma # pliki} "
                + "many {{name} ma # plików} other {{name} ma # pliku}}";

        assertThat(problem(source, translation, "pl")).isEmpty();
    }
}
