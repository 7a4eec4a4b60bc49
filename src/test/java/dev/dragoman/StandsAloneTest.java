package dev.dragoman;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository stands alone: no comment or document sends its reader to a file outside it (the notes the project
 * grew from, a shared folder beside it). A source is cited by its public address, or not at all. Addresses
 * such as https://docs.cohere.com/reference/chat are fine; a bare path into a notes folder is not.
 */
class StandsAloneTest {

    private static final List<String> ROOTS = List.of("src", "routes", "bench", ".ci", "bin", "docs", "deploy",
            "kamelets", "ops", "README.md", "application.properties", "jvm.options", "Dockerfile", "pom.xml");

    /** Written so that this file does not match them itself. */
    private static final Pattern OUTSIDE = Pattern.compile(String.join("|",
            "providers" + "\\.md",
            "luna" + "translator" + "\\.md",
            "\\bDES" + "IGN\\b",
            "camel-4" + "\\.17",
            "(?<![\\w./-])" + "reference" + "/",
            "(?<![\\w./-])" + "seeds" + "/",
            "\\.\\./" + "shared",
            "design" + " notes"));

    @Test
    void should_cite_nothing_outside_the_repository() throws IOException {
        List<String> citations = new ArrayList<>();
        for (String root : ROOTS) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(Files::isRegularFile)
                        .filter(file -> !file.toString().contains("target"))
                        .forEach(file -> citations.addAll(citations(file)));
            }
        }
        assertThat(citations).as("places that cite a file outside the repository").isEmpty();
    }

    @Test
    void should_tell_a_notes_path_from_a_public_address() {
        assertThat(OUTSIDE.matcher("(see " + "reference" + "/providers §1)").find()).isTrue();
        assertThat(OUTSIDE.matcher("DES" + "IGN §7").find()).isTrue();
        assertThat(OUTSIDE.matcher("https://docs.cohere.com/reference/chat").find()).isFalse();
        assertThat(OUTSIDE.matcher("https://platform.openai.com/docs/api-reference/chat").find()).isFalse();
    }

    private static List<String> citations(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (OUTSIDE.matcher(lines.get(i)).find()) {
                found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        return found;
    }
}
