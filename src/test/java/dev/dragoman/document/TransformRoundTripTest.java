package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A translation that upper-cases every word and keeps every marker: the placeholders and markup come back as they
 * were, and the output is still a valid file of its format, with the same keys in the same order where it has keys.
 */
class TransformRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void json_keeps_its_keys_in_order_and_its_placeholders() throws Exception {
        String output = upperCased("app.json", "pl");

        ObjectMapper mapper = new ObjectMapper();
        JsonNode input = mapper.readTree(Files.readString(Samples.path("app.json")));
        JsonNode translated = mapper.readTree(output);
        assertThat(keyPaths(translated)).isEqualTo(keyPaths(input));
        assertThat(translated.at("/app/title").asText()).isEqualTo("INVOICE MANAGER");
        assertThat(translated.at("/app/greeting").asText()).isEqualTo("HELLO, {name}! YOU HAVE %d NEW MESSAGES.");
        assertThat(translated.at("/app/help").asText()).isEqualTo(
                "PRESS <b>SAVE</b> TO KEEP ${changes} CHANGES IN {{folder}}, OR READ <a href=\"/help\">THE HELP</a>.");
        assertThat(translated.at("/app/escaped").asText()).isEqualTo("LINE ONE\nLINE TWO \"QUOTED\" ÉTÉ");
        assertThat(translated.at("/app/items/0").asText()).isEqualTo("FIRST ITEM");
        assertThat(translated.at("/app/items/2").asInt()).isEqualTo(42);
        assertThat(translated.at("/app/count").asInt()).isEqualTo(3);
        assertThat(translated.at("/app/url").asText()).isEqualTo("https://example.com/path");
        assertThat(translated.at("/app/nested/deeper/label").asText()).isEqualTo("DUE ON %1$s");
        assertThat(output).contains("\\u00c9T\\u00c9");
    }

    @Test
    void yaml_keeps_its_keys_and_its_non_string_values() throws Exception {
        String output = upperCased("app.yaml", "pl");

        Load load = new Load(LoadSettings.builder().build());
        Map<?, ?> input = (Map<?, ?>) load.loadFromString(Files.readString(Samples.path("app.yaml")));
        Map<?, ?> translated = (Map<?, ?>) load.loadFromString(output);
        assertThat(keyPaths(translated, "")).isEqualTo(keyPaths(input, ""));
        Map<?, ?> en = (Map<?, ?>) translated.get("en");
        assertThat(en.get("greeting")).isEqualTo("HELLO, {name}! YOU HAVE %d NEW MESSAGES.");
        assertThat(en.get("help")).isEqualTo("PRESS <b>SAVE</b> TO KEEP ${changes} CHANGES.");
        assertThat(en.get("intro")).isEqualTo("WELCOME TO THE INVOICE MANAGER.\nIT KEEPS %{count} INVOICES SAFE.\n");
        assertThat(en.get("footer")).isEqualTo("INVOICES ARE KEPT FOR TEN YEARS AND THEN DELETED.");
        assertThat(en.get("time_format")).isEqualTo("%b %-d, %Y AT %I:%M%p");
        assertThat(en.get("count")).isEqualTo(3);
        assertThat(en.get("ratio")).isEqualTo(0.5);
        assertThat(en.get("enabled")).isEqualTo(true);
        assertThat(en.get("legacy")).isEqualTo("yes");
        assertThat(output).contains("legacy: yes").contains("missing: null");
        assertThat(en.get("list")).isEqualTo(List.of("FIRST ITEM", "SECOND ITEM"));
        assertThat(((Map<?, ?>) en.get("dialog")).get("question")).isEqualTo("DELETE {count} INVOICES?");
        assertThat(en.get("months")).isEqualTo(Arrays.asList(null, "JANUARY", null, "MARCH"));
        assertThat(output).contains("  months:\n  -\n  - JANUARY\n  - # no February\n  - MARCH\n");
    }

    @Test
    void properties_keep_their_keys_placeholders_and_escapes() throws Exception {
        String output = upperCased("messages.properties", "pl");

        Properties input = properties(Files.readString(Samples.path("messages.properties")));
        Properties translated = properties(output);
        assertThat(translated.stringPropertyNames()).isEqualTo(input.stringPropertyNames());
        assertThat(translated.getProperty("app.greeting"))
                .isEqualTo("HELLO, {0}! YOU HAVE {1,number,integer} NEW MESSAGES.");
        assertThat(translated.getProperty("app.help")).isEqualTo("PRESS <b>SAVE</b> TO KEEP %s CHANGES.");
        assertThat(translated.getProperty("app.unicode")).isEqualTo("CAFÉ AND TEA");
        assertThat(translated.getProperty("app.tabbed")).isEqualTo("NAME:\tVALUE");
        assertThat(translated.getProperty("app.long")).isEqualTo("INVOICES ARE KEPT FOR TEN YEARS, THEN ARCHIVED.");
        assertThat(translated.getProperty("app.folder")).isEqualTo("C:\\INVOICES\\");
        assertThat(output).contains("app.long=INVOICES ARE KEPT FOR TEN YEARS, THEN ARCHIVED.\n");
        assertThat(output).contains("CAF\\u00c9").contains("# Main window").contains("! Shown under the Save button");
    }

    @Test
    void an_untranslated_properties_value_keeps_its_continued_lines_and_a_translated_one_is_one_line()
            throws Exception {
        OkapiDocument document = Samples.read(Samples.path("messages.properties"), "pl");

        String output = new String(Samples.write(document, segment -> segment.text().startsWith("Invoices")
                ? Optional.of("Faktury są przechowywane przez dziesięć lat.") : Optional.empty(), dir,
                "messages_pl.properties"), StandardCharsets.UTF_8);

        assertThat(output).contains("app.long=Faktury s\\u0105 przechowywane przez dziesi\\u0119\\u0107 lat.\n"
                + "app.folder=C:\\\\Invoices\\\\\n");
        String kept = upperCased("messages.properties", "pl").replace("INVOICES ARE KEPT FOR TEN YEARS, THEN ARCHIVED.",
                "Invoices are kept \\\n    for ten years, \\\n    then archived.");
        assertThat(new String(Samples.write(Samples.read(Samples.path("messages.properties"), "pl"),
                segment -> segment.text().startsWith("Invoices") ? Optional.empty()
                        : Optional.of(Samples.upperCased(segment.text())), dir, "kept.properties"),
                StandardCharsets.UTF_8)).isEqualTo(kept);
    }

    @Test
    void a_utf8_properties_file_stays_utf8() throws Exception {
        Path input = Samples.path("messages_pl.properties");
        OkapiDocument document = Samples.read(input, "de");

        String output = new String(Samples.write(document, segment -> segment.id().equals("1")
                ? Optional.of("Rechnungsverwaltung für Ämter") : Optional.empty(), dir, "messages_de.properties"),
                StandardCharsets.UTF_8);

        assertThat(output).contains("app.title=Rechnungsverwaltung für Ämter").contains("# Okno główne");
    }

    @Test
    void xliff_gets_targets_with_their_inline_codes_a_state_and_no_target_where_none_is_translated()
            throws Exception {
        String output = upperCased("app.xlf", "pl");

        Document xliff = xml(output);
        Element file = (Element) xliff.getElementsByTagName("file").item(0);
        assertThat(file.getAttribute("target-language")).isEqualTo("pl");
        assertThat(target(xliff, "title")).isEqualTo("INVOICE MANAGER");
        assertThat(output).contains("<target state=\"needs-review-translation\" xml:lang=\"pl\">HELLO, "
                + "<ph id=\"1\">{name}</ph>! YOU HAVE <g id=\"2\">NEW</g> MESSAGES.</target>");
        assertThat(target(xliff, "done")).isEqualTo("Gotowe");
        assertThat(target(xliff, "brand")).isNull();
    }

    @Test
    void an_empty_xliff_target_of_the_file_stays_empty_unless_translated() throws Exception {
        Path input = Files.writeString(dir.resolve("angular.xlf"), """
                <?xml version="1.0" encoding="UTF-8" ?>
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
                  <file source-language="en" datatype="plaintext" original="ng2.template" target-language="pl">
                    <body>
                      <trans-unit id="save" datatype="html">
                        <source>Save</source>
                        <target state="new"></target>
                      </trans-unit>
                      <trans-unit id="cancel" datatype="html">
                        <source>Cancel</source>
                        <target state="new"></target>
                      </trans-unit>
                    </body>
                  </file>
                </xliff>
                """);
        OkapiDocument document = Samples.read(input, "pl");

        String output = new String(Samples.write(document, segment -> segment.id().equals("save")
                ? Optional.of("Zapisz") : Optional.empty(), dir, "angular.pl.xlf"), StandardCharsets.UTF_8);

        assertThat(output).contains("<source>Save</source>\n        <target state=\"needs-review-translation\">Zapisz"
                + "</target>").contains("<source>Cancel</source>\n        <target state=\"new\"></target>");
    }

    @Test
    void xliff2_gets_targets_with_their_inline_codes() throws Exception {
        String output = upperCased("app2.xlf", "pl");

        Document xliff = xml(output);
        assertThat(xliff.getDocumentElement().getAttribute("trgLang")).isEqualTo("pl");
        assertThat(output).contains("<segment id=\"s1\" state=\"translated\">")
                .contains("<target>INVOICE MANAGER</target>")
                .contains("<target>HELLO, <ph id=\"1\" equiv=\"{name}\" disp=\"{name}\"/>! "
                        + "YOU HAVE <pc id=\"2\">NEW</pc>"
                        + " MESSAGES.</target>");
        assertThat(output).doesNotContain("DRAGOMAN");
    }

    @Test
    void html_keeps_its_markup_attributes_and_scripts() throws Exception {
        String output = upperCased("page.html", "pl");

        xml(output.replace("<!DOCTYPE html>", ""));
        assertThat(output).contains("<html lang=\"pl\">")
                .contains("<title>INVOICE MANAGER</title>")
                .contains("<meta name=\"description\" content=\"Manage your invoices\"/>")
                .contains("<script>var label = \"Do not translate\";</script>")
                .contains("<h1 id=\"top\" class=\"title\">WELCOME, <span class=\"user\">{name}</span>!</h1>")
                .contains("<a href=\"https://example.com/docs\" title=\"DOCUMENTATION\">DOCUMENTATION</a> FIRST.<br/>")
                .contains("IT HAS <b>%d</b> PAGES &amp; AN INDEX, ALSO AT https://example.com/docs/index.</p>")
                .contains("alt=\"COMPANY LOGO\"")
                .contains("<input type=\"text\" placeholder=\"Search invoices\" value=\"query\"/>")
                .contains("<p translate=\"no\">Dragoman</p>");
    }

    @Test
    void markdown_keeps_code_with_its_blank_lines_urls_and_link_targets() throws Exception {
        String output = upperCased("guide.md", "pl");

        assertThat(output).contains("# GETTING STARTED")
                .contains("INSTALL THE **COMMAND-LINE TOOL** WITH `npm install -g dragoman` AND READ THE "
                        + "[MANUAL](https://example.com/manual \"THE MANUAL\").")
                .contains("![ARCHITECTURE DIAGRAM](images/arch.png \"OVERVIEW\")")
                .contains("```bash\ndragoman translate --to pl file.txt\n```")
                .contains("    indented code stays")
                .contains("- SECOND ITEM, SEE <https://example.com/auto>")
                .contains("| NAME | THE USER'S NAME |")
                .contains("<div class=\"note\" title=\"TIP\">KEEP <abbr title=\"APPLICATION PROGRAMMING INTERFACE\">"
                        + "API</abbr> KEYS SECRET.</div>")
                .contains("SEARCH WITH <input placeholder=\"Search invoices\" value=\"query\"> NEXT TO "
                        + "<img src=\"logo.png\" alt=\"COMPANY LOGO\">.")
                .contains("> A QUOTED TIP WITH {{ variable }}.")
                .contains("[ref]: https://example.com/ref")
                .contains("USE THE [REFERENCE LINK][ref] AND [AN ANCHOR](#getting-started).")
                .contains("title: User guide")
                .contains("1. WRITE THE SETTINGS:\n\n   ```yaml\n   dragoman:\n     target: pl\n\n     source: en\n"
                        + "   ```\n")
                .contains("> ```\n> quoted code\n>\n> stays\n> ```\n");
    }

    @Test
    void srt_keeps_cue_numbers_timings_and_lines() throws Exception {
        String output = upperCased("intro.srt", "pl");

        assertThat(output).isEqualTo("1\n00:00:01,000 --> 00:00:03,500\nHELLO, AND WELCOME\n\n"
                + "2\n00:00:04,000 --> 00:00:06,000\nTO THE <i>INVOICE</i> MANAGER.\n\n"
                + "3\n00:00:06,100 --> 00:00:06,400\n\n"
                + "4\n00:00:06,500 --> 00:00:09,000\nPRESS SAVE\nTO KEEP YOUR CHANGES.\n");
    }

    @Test
    void vtt_keeps_its_header_notes_cue_ids_settings_and_voice_tags() throws Exception {
        String output = upperCased("intro.vtt", "pl");

        assertThat(output).isEqualTo("WEBVTT\n\nNOTE Recorded for the 1.0 release\n\n"
                + "intro\n00:01.000 --> 00:03.500 align:start\nHELLO, AND WELCOME\n\n"
                + "00:04.000 --> 00:06.000\n<v Anna>TO THE <i>INVOICE</i> MANAGER.</v>\n\n"
                + "00:06.500 --> 00:09.000\nPRESS SAVE\nTO KEEP YOUR CHANGES.\n");
    }

    @Test
    void docx_keeps_its_runs_formatting_and_hyperlink() throws Exception {
        Path input = Samples.path("guide.docx");
        OkapiDocument document = Samples.read(input, "pl");
        Samples.write(document, segment -> Optional.of(Samples.upperCased(segment.text())), dir, "guide.docx");

        try (ZipFile zip = new ZipFile(dir.resolve("guide.docx").toFile())) {
            String xml = new String(zip.getInputStream(zip.getEntry("word/document.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            xml(xml);
            assertThat(xml).contains("<w:r><w:rPr><w:b/></w:rPr><w:t>SAVE</w:t></w:r>")
                    .contains("<w:r><w:rPr><w:i/></w:rPr><w:t>CHANGES</w:t></w:r>")
                    .contains("<w:hyperlink r:id=\"rId2\"><w:r><w:rPr><w:u w:val=\"single\"/></w:rPr>"
                            + "<w:t>MANUAL</w:t></w:r></w:hyperlink>")
                    .contains("INVOICE MANAGER").contains("THANK YOU.");
            String core = new String(zip.getInputStream(zip.getEntry("docProps/core.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(core).contains("<dc:creator>Dragoman tests</dc:creator>");
        }
    }

    private String upperCased(String name, String target) throws DocumentException {
        OkapiDocument document = Samples.read(Samples.path(name), target);
        return new String(Samples.write(document, segment -> Optional.of(Samples.upperCased(segment.text())), dir,
                name), StandardCharsets.UTF_8);
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String target(Document xliff, String unitId) {
        NodeList units = xliff.getElementsByTagName("trans-unit");
        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            if (unit.getAttribute("id").equals(unitId)) {
                NodeList targets = unit.getElementsByTagName("target");
                return targets.getLength() == 0 ? null : targets.item(0).getTextContent();
            }
        }
        throw new AssertionError("no unit " + unitId);
    }

    private static Properties properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    private static List<String> keyPaths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            paths.add(path + "/" + field.getKey());
            collect(field.getValue(), path + "/" + field.getKey(), paths);
        }
    }

    private static List<String> keyPaths(Map<?, ?> map, String path) {
        List<String> paths = new ArrayList<>();
        map.forEach((key, value) -> {
            paths.add(path + "/" + key);
            if (value instanceof Map<?, ?> child) {
                paths.addAll(keyPaths(child, path + "/" + key));
            }
        });
        return paths;
    }
}
