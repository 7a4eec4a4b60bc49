package dev.dragoman.translate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code .tbx} glossary read by {@link Glossary}: the 2008 TBX-Basic form ({@code martif}, {@code termEntry},
 * {@code langSet}, {@code tig} and {@code ntig}); the 2019 form goes through the routes in {@code TbxGlossaryTest}.
 */
class TbxGlossaryFileTest {

    private static final String MARTIF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
            <martif type="TBX-Basic" xml:lang="en-US">
              <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
              <text><body>
                <termEntry id="c1">
                  <langSet xml:lang="en-US">
                    <tig><term>bucket</term></tig>
                    <tig><term>pail</term></tig>
                  </langSet>
                  <langSet xml:lang="de-DE">
                    <tig><term>Kübel</term>
                      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
                    <ntig><termGrp><term>Eimer</term></termGrp></ntig>
                  </langSet>
                  <langSet xml:lang="fr">
                    <tig><term>sceau</term></tig>
                    <tig><term>seau</term>
                      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
                  </langSet>
                </termEntry>
                <termEntry id="c2">
                  <langSet xml:lang="de"><tig><term>Wolke</term></tig></langSet>
                </termEntry>
              </body></text>
            </martif>
            """;

    @TempDir
    Path dir;

    @Test
    void a_concept_translates_each_source_term_by_the_term_preferred_in_each_target_language() throws Exception {
        Glossary glossary = load(MARTIF, "English");

        assertThat(glossary.termsFor("a bucket and a pail", "German"))
                .containsExactly(new GlossaryTerm("bucket", "Eimer"), new GlossaryTerm("pail", "Eimer"));
        assertThat(glossary.termsFor("a bucket", "fr-CA")).containsExactly(new GlossaryTerm("bucket", "seau"));
        assertThat(glossary.termsFor("a bucket", "Italian")).isEmpty();
        assertThat(glossary.size()).as("two source terms, two target languages; c2 has no source term").isEqualTo(4);
    }

    @Test
    void with_an_automatic_source_language_the_files_own_language_is_the_source() throws Exception {
        assertThat(load(MARTIF, "auto").termsFor("bucket", "de")).containsExactly(new GlossaryTerm("bucket", "Eimer"));
    }

    @Test
    void the_configured_source_language_picks_the_source_terms() throws Exception {
        assertThat(load(MARTIF, "German").termsFor("Eimer", "English"))
                .as("the deprecated German term is a source term all the same, and the English term it gets is the"
                        + " first").containsExactly(new GlossaryTerm("Eimer", "bucket"));
        assertThat(load(MARTIF, "German").termsFor("die Wolke", "French")).isEmpty();
    }

    @Test
    void a_file_without_a_language_needs_one_configured() throws Exception {
        String unnamed = MARTIF.replace("<martif type=\"TBX-Basic\" xml:lang=\"en-US\">", "<martif type=\"TBX-Basic\">");

        assertThat(load(unnamed, "en").termsFor("bucket", "de")).hasSize(1);
        assertThatThrownBy(() -> load(unnamed, "auto")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xml:lang");
    }

    @Test
    void a_file_that_is_not_xml_does_not_load() {
        assertThatThrownBy(() -> load("<martif><text>", "en")).hasMessageContaining("not a TBX file");
    }

    private Glossary load(String content, String sourceLang) throws Exception {
        Path file = dir.resolve("terms.tbx");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return Glossary.load(file, sourceLang, Duration.ofHours(1), Clock.systemUTC());
    }
}
