package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two formats whose Okapi writers do not give an untranslated file back byte for byte, and exactly what differs.
 *
 * <p>DOCX: the parts Okapi does not parse ({@code [Content_Types].xml}, the relationships, {@code docProps}) are
 * copied byte for byte. The parts it parses and writes back with its own XML writer ({@code word/document.xml},
 * {@code word/styles.xml}) get a re-written XML declaration ({@code standalone} dropped or quoted with apostrophes, no
 * line break after it), and every {@code <w:t>} gets {@code xml:space="preserve"}; nothing else changes.
 *
 * <p>XLIFF 2: Okapi's {@code okf_xliff2} has no skeleton, it writes the whole document anew from its object model:
 * the XML declaration without encoding, indentation of one space per level, and an id on every
 * {@code <segment>} ("s1"); units, notes, sources and inline codes are the same.
 */
class DocxAndXliff2RoundTripTest {

    @TempDir
    Path dir;

    @Test
    void docx_parts_are_the_same_but_for_the_xml_declaration_and_xml_space() throws Exception {
        Path input = Samples.path("guide.docx");
        OkapiDocument document = Samples.read(input, "pl");
        document.write(segment -> Optional.empty(), dir.resolve("guide.docx"));

        Map<String, String> before = parts(input);
        Map<String, String> after = parts(dir.resolve("guide.docx"));

        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String name : before.keySet()) {
            if (name.equals("word/document.xml") || name.equals("word/styles.xml")) {
                assertThat(normalised(after.get(name))).as(name).isEqualTo(normalised(before.get(name)));
                assertThat(after.get(name)).as(name).isNotEqualTo(before.get(name));
            } else {
                assertThat(after.get(name)).as(name).isEqualTo(before.get(name));
            }
        }
    }

    @Test
    void xliff2_is_written_anew_with_the_same_units() throws Exception {
        Path input = Samples.path("app2.xlf");
        OkapiDocument document = Samples.read(input, "pl");

        String output = new String(Samples.write(document, segment -> Optional.empty(), dir, "app2.xlf"),
                StandardCharsets.UTF_8);

        String expected = Files.readString(input).replace(" encoding=\"UTF-8\"", "").replace("<segment>",
                "<segment id=\"s1\">").lines()
                .map(line -> " ".repeat((line.length() - line.stripLeading().length()) / 2) + line.stripLeading())
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(output.strip()).isEqualTo(expected.strip());
    }

    private static String normalised(String xml) {
        return xml.replaceFirst("^<\\?xml[^>]*\\?>\\s*", "").replace("<w:t xml:space=\"preserve\">", "<w:t>");
    }

    private static Map<String, String> parts(Path docx) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                parts.put(entry.getName(),
                        new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }
}
