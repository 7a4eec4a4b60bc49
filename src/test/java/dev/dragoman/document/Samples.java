package dev.dragoman.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** The sample documents under src/test/resources/documents, read and written the way the file route will. */
final class Samples {

    private Samples() {
    }

    static Path path(String name) {
        try {
            return Path.of(Samples.class.getResource("/documents/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static OkapiDocument read(Path file, String target) throws DocumentException {
        DocumentFormat format = DocumentFormats.defaults().of(file.getFileName().toString(), file).orElseThrow();
        return OkapiDocument.read(file, format, null, target);
    }

    static byte[] write(OkapiDocument document, Function<DocumentSegment, Optional<String>> translations, Path dir,
            String name) throws DocumentException {
        Path output = dir.resolve(name);
        document.write(translations, output);
        try {
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Upper-cases the text outside the markers, as a translation that changes every word and keeps every marker. */
    static String upperCased(String coded) {
        StringBuilder upper = new StringBuilder();
        boolean inMarker = false;
        for (char c : coded.toCharArray()) {
            if (c == '<') {
                inMarker = true;
            }
            upper.append(inMarker ? c : Character.toUpperCase(c));
            if (c == '>') {
                inMarker = false;
            }
        }
        return upper.toString();
    }
}
