package dev.dragoman.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The round trips over real-world public files of open projects, when the system property {@code dragoman.corpus}
 * names a folder of them (docs/test-corpus.md lists the files, their projects and licences; they are not part of this
 * repository, whose tests use files of its own otherwise): untranslated, a file comes back byte for byte where the format allows it (not a PO file, whose
 * header gets the target's Language, an XLIFF or HTML file, whose target language is set, XLIFF 2 and DOCX, see
 * {@link DocxAndXliff2RoundTripTest}); upper-cased, it is still valid in its format.
 */
class CorpusRoundTripTest {

    private static final Path CORPUS = Path.of(System.getProperty("dragoman.corpus", "corpus-not-given"));
    private static final Set<String> BYTE_FOR_BYTE = Set.of("json", "yaml", "properties", "markdown", "srt", "vtt");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> every_corpus_file_round_trips() throws IOException {
        assumeThat(Files.isDirectory(CORPUS)).as("the corpus folder " + CORPUS + " is there").isTrue();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
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
        if (BYTE_FOR_BYTE.contains(format.name())) {
            sameBytes(Files.readAllBytes(file), Files.readAllBytes(untranslated));
        }
        Path translated = dir.resolve("translated-" + file.getFileName());
        document.write(segment -> Optional.of(Samples.upperCased(segment.text())), translated);
        valid(format.name(), translated);
    }

    /** Fails at the first byte that differs, with the text around it on both sides. */
    static void sameBytes(byte[] expected, byte[] actual) {
        int at = 0;
        while (at < expected.length && at < actual.length && expected[at] == actual[at]) {
            at++;
        }
        if (at < expected.length || at < actual.length) {
            throw new AssertionError("untranslated output differs from the input at byte " + at + " (input "
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
