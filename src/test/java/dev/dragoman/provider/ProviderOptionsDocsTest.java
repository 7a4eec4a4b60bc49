package dev.dragoman.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option lists users read, in application.properties and docs/platforms.md, say what the descriptors say: the same
 * options, in the same order, with the same kinds, defaults, markings and descriptions. On a mismatch the expected
 * text is written under {@code target/} to paste in.
 */
class ProviderOptionsDocsTest {

    private static final int WIDTH = 118;
    private static final String FIRST = "#   ";
    private static final String NEXT = "#" + " ".repeat(21);
    private static final Path PAGE = Path.of("docs", "platforms.md");
    private static final String HEADING = "### Provider options";

    @Test
    void application_properties_lists_exactly_the_options() throws IOException {
        List<String> expected = new ArrayList<>();
        Dialects.options().forEach(option -> expected.addAll(commented(option)));

        List<String> actual = block(Files.readAllLines(Path.of("application.properties")));

        assertEqual(actual, expected, "provider-options.properties");
    }

    @Test
    void the_readme_table_lists_exactly_the_options() throws IOException {
        List<String> expected = new ArrayList<>(List.of("| option | value | default | what it does |", "|---|---|---|---|"));
        Dialects.options().forEach(option -> expected.add(row(option)));

        List<String> lines = Files.readAllLines(PAGE);
        int heading = lines.indexOf(HEADING);
        assertThat(heading).as(PAGE + " has a section " + HEADING).isNotNegative();
        List<String> actual = lines.subList(heading + 1, lines.size()).stream()
                .dropWhile(line -> !line.startsWith("|")).takeWhile(line -> line.startsWith("|")).toList();

        assertEqual(actual, expected, "provider-options.md");
    }

    @Test
    void every_option_has_a_description_and_a_readable_default() {
        for (ProviderOption<?> option : Dialects.options()) {
            assertThat(option.description()).as(option.name()).isNotBlank();
            if (option.defaultValue() != null) {
                assertThat(option.read("x", java.util.Optional.empty())).as(option.name()).isNotNull();
            }
        }
        assertThat(Dialects.options()).extracting(ProviderOption::name).doesNotHaveDuplicates();
    }

    /** The option's lines in application.properties: name, then the text wrapped under it. */
    private static List<String> commented(ProviderOption<?> option) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(FIRST + String.format("%-18s", option.name()));
        for (String word : summary(option).split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > NEXT.length()) {
                lines.add(line.toString().stripTrailing());
                line = new StringBuilder(NEXT);
            }
            line.append(line.toString().endsWith(" ") ? "" : " ").append(word);
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    private static String row(ProviderOption<?> option) {
        return "| `" + option.name() + "` | " + cell(option.type().kind()) + " | "
                + (option.defaultValue() == null ? "" : "`" + cell(option.defaultValue()) + "`") + " | "
                + cell(marks(option) + option.description()) + " |";
    }

    private static String summary(ProviderOption<?> option) {
        String kind = option.type() == OptionType.TEXT ? "" : "; " + option.type().kind();
        String fallback = option.defaultValue() == null ? "" : (kind.isEmpty() ? "; " : ", ") + "default "
                + option.defaultValue();
        return marks(option) + option.description() + kind + fallback;
    }

    private static String marks(ProviderOption<?> option) {
        return (option.required() ? "[required] " : "") + (option.secret() ? "[secret] " : "")
                + (option.dialect() == null ? "" : "[" + option.dialect() + " only] ");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** The commented option list: the lines after the section's first line, up to the first that is not in it. */
    private static List<String> block(List<String> lines) {
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith(FIRST + "platform ")) {
            start++;
        }
        return lines.subList(start, lines.size()).stream()
                .takeWhile(line -> line.startsWith(FIRST) || line.startsWith(NEXT)).toList();
    }

    private static void assertEqual(List<String> actual, List<String> expected, String file) throws IOException {
        if (!actual.equals(expected)) {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", file), expected);
        }
        assertThat(String.join("\n", actual)).as("expected text written to target/" + file)
                .isEqualTo(String.join("\n", expected));
    }
}
