package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A PO template translated into a language gets exactly as many {@code msgstr[n]} per plural entry as the language
 * has plural forms, the language's Plural-Forms and Language in its header, and passes {@code msgfmt --check}.
 */
class PoPluralFormsTest {

    private static final String POLISH = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || "
            + "n%100>=20) ? 1 : 2);";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"pl, 3, pl", "ar, 6, ar", "ja, 1, ja", "de, 2, de", "pt-BR, 2, pt_BR"})
    void a_plural_entry_gets_the_target_languages_forms(String target, int forms, String language) throws Exception {
        String po = translated("invoices.pot", target);

        assertThat(count(po, "msgstr\\[\\d\\]")).isEqualTo(forms);
        for (int form = 0; form < forms; form++) {
            assertThat(po).contains("msgstr[" + form + "] \"");
        }
        assertThat(po).contains("\"Language: " + language + "\\n\"")
                .contains("\"Plural-Forms: " + GettextPluralForms.of(net.sf.okapi.common.LocaleId.fromBCP47(target))
                        .orElseThrow().header() + "\\n\"");
        msgfmtCheck(po);
    }

    @Test
    void polish_forms_are_translated_from_msgid_and_msgid_plural_with_notes_saying_their_counts() throws Exception {
        OkapiDocument document = Samples.read(Samples.path("invoices.pot"), "pl");

        List<DocumentSegment> forms = document.segments().stream()
                .filter(segment -> segment.note() != null && segment.note().contains("plural form")).toList();

        assertThat(forms).extracting(DocumentSegment::text)
                .containsExactly("<x1/> invoice", "<x1/> invoices", "<x1/> invoices");
        assertThat(forms.get(0).note()).contains("plural form 0 of 3 (msgstr[0]), CLDR category \"one\", "
                + "used for counts like 1");
        assertThat(forms.get(1).note()).contains("plural form 1 of 3 (msgstr[1]), CLDR category \"few\", "
                + "used for counts like 2, 3, 4, 22");
        assertThat(forms.get(2).note()).contains("plural form 2 of 3 (msgstr[2]), CLDR category \"many\", "
                + "used for counts like 0, 5, 6, 7");
        String po = new String(Samples.write(document, segment -> Optional.of(Samples.upperCased(segment.text())),
                dir, "invoices.po"), StandardCharsets.UTF_8);
        assertThat(po).contains("msgid \"%d invoice\"\nmsgid_plural \"%d invoices\"\n"
                + "msgstr[0] \"%d INVOICE\"\nmsgstr[1] \"%d INVOICES\"\nmsgstr[2] \"%d INVOICES\"\n")
                .contains("\"Plural-Forms: " + POLISH + "\\n\"");
        msgfmtCheck(po);
    }

    @Test
    void notes_carry_msgctxt_and_comments() throws Exception {
        OkapiDocument document = Samples.read(Samples.path("invoices_pl.po"), "pl");

        assertThat(document.segments()).extracting(DocumentSegment::text, DocumentSegment::note).contains(
                org.assertj.core.groups.Tuple.tuple("Hello, <x1/>!\n", "note: Keep it short: it is a button."),
                org.assertj.core.groups.Tuple.tuple("Open", "msgctxt: menu"));
        assertThat(document.segments()).extracting(DocumentSegment::text).doesNotContain("Invoice manager");
    }

    @Test
    void a_polish_catalogue_retargeted_to_japanese_keeps_one_form() throws Exception {
        String po = translated("invoices_pl.po", "ja");

        assertThat(po).contains("msgstr[0] \"%d INVOICE\"\n\nmsgctxt")
                .doesNotContain("msgstr[1]").contains("\"Plural-Forms: nplurals=1; plural=0;\\n\"");
        msgfmtCheck(po);
    }

    @Test
    void a_header_that_is_fuzzy_is_not_after_translation() throws Exception {
        Path template = dir.resolve("fuzzy.pot");
        Files.writeString(template, Files.readString(Samples.path("invoices.pot"))
                .replace("msgid \"\"\nmsgstr \"\"\n\"Project", "#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n\"Project"));

        OkapiDocument document = Samples.read(template, "pl");
        String po = new String(Samples.write(document, segment -> Optional.of(Samples.upperCased(segment.text())),
                dir, "fuzzy.po"), StandardCharsets.UTF_8);

        assertThat(po).doesNotContain("fuzzy").startsWith("# Invoice manager strings.");
        msgfmtCheck(po);
    }

    private String translated(String name, String target) throws DocumentException {
        OkapiDocument document = Samples.read(Samples.path(name), target);
        return new String(Samples.write(document, segment -> Optional.of(Samples.upperCased(segment.text())), dir,
                target + ".po"), StandardCharsets.UTF_8);
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }

    /** gettext's own check of the catalogue: header, plural forms, format strings. */
    private void msgfmtCheck(String po) throws IOException, InterruptedException {
        assumeThat(Msgfmt.available()).as("msgfmt (Debian package gettext) is installed").isTrue();
        Path file = Files.writeString(dir.resolve("check.po"), po);
        Process process = new ProcessBuilder("msgfmt", "--check", "-o", "/dev/null", file.toString())
                .redirectErrorStream(true).start();
        String messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(messages).isZero();
    }
}
