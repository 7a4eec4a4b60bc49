package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.TextFragment;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.dragoman.provider.pseudo.PseudoLocalizer;

/**
 * The round trips over real-world public files of open projects: those of {@code src/test/corpus/files.tsv}, which
 * the build fetches from the npm registry into the folder the system property {@code dragoman.corpus} names
 * ({@code target/corpus}; docs/test-corpus.md says what each file exercises), and any other file put in that folder.
 *
 * <p>Untranslated, and translated into each segment's own text, a file comes back byte for byte where the format
 * allows it: not a PO file, whose header gets the target's Language and Plural-Forms, an XLIFF or HTML file, whose
 * target language is set, XLIFF 2 and DOCX ({@link DocxAndXliff2RoundTripTest}). Pseudo-localised as the shipped
 * offline translator does, it is valid in its format with its timings, placeholders and tags. Translated (upper-cased,
 * markers and ICU syntax kept), it is still valid in its format, a subtitle file keeps its timings, and every marker and
 * placeholder survives: a monolingual file read again has the same segments with the same markers and ICU syntax, a
 * file whose filter makes codes of placeholders has the same placeholders as the one translated into its own text,
 * and an XLIFF target has its source's inline elements and ICU syntax.
 */
class CorpusRoundTripTest {

    private static final Path CORPUS = Path.of(System.getProperty("dragoman.corpus", "target/corpus"));
    private static final Path LIST = Path.of("src", "test", "corpus", "files.tsv");
    private static final Set<String> BYTE_FOR_BYTE = Set.of("json", "yaml", "properties", "markdown", "srt", "vtt");
    /** The formats whose filters make codes of {@link PlaceholderRules#RESOURCE_STRINGS}. */
    private static final Set<String> CODE_FINDER = Set.of("json", "yaml", "properties", "markdown", "html", "po");
    private static final Set<String> MONOLINGUAL = Set.of("json", "yaml", "properties", "markdown", "html", "srt",
            "vtt", "docx");
    private static final Pattern PLACEHOLDER = Pattern.compile(String.join("|", PlaceholderRules.RESOURCE_STRINGS));
    private static final Pattern TAG = Pattern.compile(PlaceholderRules.TAG);
    private static final Pattern TAG_NAME = Pattern.compile("</?[A-Za-z][\\w:.-]*");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> every_corpus_file_round_trips() throws IOException {
        assumeThat(Boolean.getBoolean("dragoman.corpus.skip")).as("the corpus is skipped (-Dcorpus.skip)").isFalse();
        Set<Path> files = new TreeSet<>();
        for (String row : Files.readAllLines(LIST)) {
            if (!row.isBlank() && !row.startsWith("#")) {
                files.add(CORPUS.resolve(row.substring(0, row.indexOf('\t'))));
            }
        }
        assertThat(files).as("the files of " + LIST + " in " + CORPUS).isNotEmpty().allMatch(Files::isRegularFile);
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        return files.stream().flatMap(file -> format(file).stream().map(format -> DynamicTest.dynamicTest(
                CORPUS.relativize(file).toString(), () -> roundTrip(file, format))));
    }

    private static Optional<DocumentFormat> format(Path file) {
        try {
            return DocumentFormats.defaults().of(CORPUS.relativize(file).toString(), file);
        } catch (DocumentException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private void roundTrip(Path file, DocumentFormat format) throws Exception {
        OkapiDocument document = OkapiDocument.read(file, format, null, "pl");
        Path untranslated = dir.resolve("untranslated-" + file.getFileName());
        document.write(segment -> Optional.empty(), untranslated);
        Path own = dir.resolve("own-" + file.getFileName());
        document.write(segment -> Optional.of(segment.text()), own);
        if (BYTE_FOR_BYTE.contains(format.name())) {
            sameBytes("untranslated", Files.readAllBytes(file), Files.readAllBytes(untranslated));
            sameBytes("translated into its own text", Files.readAllBytes(file), Files.readAllBytes(own));
        }
        // the shipped offline translator's output: every marker, placeholder and tag kept, still valid in its format
        Path pseudo = dir.resolve("pseudo-" + file.getFileName());
        document.write(segment -> Optional.of(PseudoLocalizer.localize(segment.text())), pseudo);
        valid(format.name(), pseudo);
        if (format.name().equals("srt") || format.name().equals("vtt")) {
            assertThat(timings(pseudo)).as("the pseudo-localised cues' timings").isEqualTo(timings(file));
        }
        if (CODE_FINDER.contains(format.name())) {
            assertThat(placeholders(Files.readString(pseudo))).as("the pseudo-localised file's placeholders and tags")
                    .isEqualTo(placeholders(Files.readString(own)));
        }
        Path translated = dir.resolve("translated-" + file.getFileName());
        document.write(segment -> Optional.of(translation(segment.text())), translated);
        valid(format.name(), translated);
        if (format.name().equals("srt") || format.name().equals("vtt")) {
            assertThat(timings(translated)).as("the cues' timings").isEqualTo(timings(file));
        }
        if (MONOLINGUAL.contains(format.name())) {
            readsAsTranslated(document, OkapiDocument.read(translated, format, null, "pl"));
        }
        if (CODE_FINDER.contains(format.name())) {
            assertThat(placeholders(Files.readString(translated))).as("the translated file's placeholders and tags")
                    .isEqualTo(placeholders(Files.readString(own)));
        }
        if (format.name().startsWith("xliff")) {
            targetsKeepTheirSourcesCodes(Files.readString(translated));
        }
    }

    /**
     * The text upper-cased but for its markers and, in an ICU message, its syntax: argument names and types, plural
     * and select keywords, {@code #} (a translation the reply checks accept, ICU messages being text to the filters).
     */
    static String translation(String coded) {
        TextFragment icu;
        try {
            icu = IcuMessageCodes.of(coded);
        } catch (IllegalArgumentException e) {
            return Samples.upperCased(coded);
        }
        StringBuilder translated = new StringBuilder();
        String text = icu.getCodedText();
        for (int i = 0; i < text.length(); i++) {
            if (TextFragment.isMarker(text.charAt(i))) {
                translated.append(icu.getCode(text.charAt(++i)).getData());
            } else {
                int end = i;
                while (end < text.length() && !TextFragment.isMarker(text.charAt(end))) {
                    end++;
                }
                translated.append(Samples.upperCased(text.substring(i, end)));
                i = end - 1;
            }
        }
        return translated.toString();
    }

    /**
     * Read again, a translated monolingual file has the same segments, each the translation of the source's with its
     * markers in the same places and the ICU syntax of the source's (FormatJS messages).
     */
    private static void readsAsTranslated(OkapiDocument source, OkapiDocument translated) {
        Map<String, String> expected = new LinkedHashMap<>();
        source.segments().forEach(segment -> expected.put(segment.id(), translation(segment.text())));
        Map<String, String> actual = new LinkedHashMap<>();
        translated.segments().forEach(segment -> actual.put(segment.id(), segment.text()));
        assertThat(actual).as("the translated file's segments").containsExactlyEntriesOf(expected);
        source.segments().forEach(segment -> assertThat(icuSyntax(actual.get(segment.id())))
                .as("the ICU syntax of " + actual.get(segment.id())).isEqualTo(icuSyntax(segment.text())));
    }

    /**
     * The placeholders, URLs and tags of a text ({@link PlaceholderRules#RESOURCE_STRINGS}), counted; a tag by its
     * name alone, since its title or alt is translated. The file written with each segment's own text as its
     * translation has its targets (XLIFF, PO) where the upper-cased one has them, so the two have the same ones exactly
     * when the upper-cased translation kept every one.
     */
    private static Map<String, Long> placeholders(String text) {
        Map<String, Long> counted = new TreeMap<>();
        PLACEHOLDER.matcher(text).results().map(MatchResult::group)
                .map(placeholder -> TAG.matcher(placeholder).matches() ? TAG_NAME.matcher(placeholder).results()
                        .findFirst().orElseThrow().group() : placeholder)
                .forEach(placeholder -> counted.merge(placeholder, 1L, Long::sum));
        return counted;
    }

    /**
     * An XLIFF file's targets have the inline elements of their sources, by name and id, and the ICU syntax of their
     * text (Angular writes its plurals and selects as text). An empty target stays empty where the unit has no words.
     */
    private static void targetsKeepTheirSourcesCodes(String xliff) throws Exception {
        NodeList targets = TransformRoundTripTest.xml(xliff).getElementsByTagNameNS("*", "target");
        assertThat(targets.getLength()).as("targets").isPositive();
        for (int i = 0; i < targets.getLength(); i++) {
            Element target = (Element) targets.item(i);
            if (!target.hasChildNodes()) {
                continue; // a unit left as the file had it: no words to translate, only a placeholder
            }
            Element source = (Element) ((Element) target.getParentNode()).getElementsByTagNameNS("*", "source")
                    .item(0);
            assertThat(inlineElements(target)).as("the inline elements of " + target.getTextContent())
                    .isEqualTo(inlineElements(source));
            assertThat(icuSyntax(target.getTextContent())).as("the ICU syntax of " + target.getTextContent())
                    .isEqualTo(icuSyntax(source.getTextContent()));
        }
    }

    private static List<String> icuSyntax(String text) {
        try {
            return IcuMessageCodes.of(text).getCodes().stream().map(Code::getData).toList();
        } catch (IllegalArgumentException e) {
            return List.of("not an ICU message");
        }
    }

    private static List<String> inlineElements(Element element) {
        List<String> inline = new ArrayList<>();
        NodeList descendants = element.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < descendants.getLength(); i++) {
            Element descendant = (Element) descendants.item(i);
            inline.add(descendant.getLocalName() + "#" + descendant.getAttribute("id"));
        }
        inline.sort(null);
        return inline;
    }

    /** The timing lines of a subtitle file, in order. */
    private static List<String> timings(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.contains("-->")).toList();
    }

    /** Fails at the first byte that differs, with the text around it on both sides. */
    static void sameBytes(String written, byte[] expected, byte[] actual) {
        int at = 0;
        while (at < expected.length && at < actual.length && expected[at] == actual[at]) {
            at++;
        }
        if (at < expected.length || at < actual.length) {
            throw new AssertionError(written + ", the file differs from the input at byte " + at + " (input "
                    + expected.length + " bytes, output " + actual.length + ")\n input: " + around(expected, at)
                    + "\noutput: " + around(actual, at));
        }
    }

    private static String around(byte[] bytes, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(bytes.length, at + 60);
        String before = new String(bytes, from, at - from, StandardCharsets.UTF_8);
        String after = new String(bytes, Math.min(at, to), to - Math.min(at, to), StandardCharsets.UTF_8);
        return "\"" + visible(before) + "<<here>>" + visible(after) + "\"";
    }

    /** The text as a Java string literal would have it: a backslash doubled, CR, LF and tab escaped. */
    private static String visible(String text) {
        return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static void valid(String format, Path file) throws Exception {
        switch (format) {
            case "json" -> new ObjectMapper().readTree(file.toFile());
            case "yaml" -> new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build())
                    .loadAllFromString(Files.readString(file)).forEach(document -> { });
            case "properties" -> new Properties().load(new StringReader(Files.readString(file)));
            case "xliff", "xliff2" -> TransformRoundTripTest.xml(Files.readString(file));
            case "docx" -> {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    TransformRoundTripTest.xml(new String(zip.getInputStream(zip.getEntry("word/document.xml"))
                            .readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            case "po" -> {
                if (Msgfmt.available()) {
                    Process msgfmt = new ProcessBuilder("msgfmt", "--check", "-o", "/dev/null", file.toString())
                            .redirectErrorStream(true).start();
                    String messages = new String(msgfmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(msgfmt.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    assertThat(msgfmt.exitValue()).as(messages).isZero();
                }
            }
            default -> {
            }
        }
    }
}
