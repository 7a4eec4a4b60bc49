package dev.dragoman.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/platforms.md's "Platforms" table says what the shipped platform file says, row by row and in its order: title,
 * name and aliases, dialect, address and default model. A cell without a leading {@code `value`} ("none: set
 * {@code url} …") stands for a field the file leaves empty. Presets from other files on the class path (the tests'
 * own) are no concern of that page.
 */
class PlatformsReadmeTest {

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /** One row as the page shows it, in the file's terms. */
    record Row(String title, List<String> names, String dialect, String url, String model) {
    }

    @Test
    void the_readme_table_lists_every_shipped_preset_as_the_file_defines_it() throws IOException {
        List<Row> shipped = ShippedPlatforms.lines().stream()
                .map(line -> new Row(line.title(), line.names(), line.dialect(), line.url(), line.model()))
                .toList();

        assertThat(readmeRows()).containsExactlyElementsOf(shipped);
    }

    private static List<Row> readmeRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs", "platforms.md"));
        int section = lines.indexOf("## Platforms");
        assertThat(section).as("docs/platforms.md has a '## Platforms' section").isNotNegative();
        int header = section;
        while (!lines.get(header).startsWith("| platform |")) {
            header++;
        }
        return lines.subList(header + 2, lines.size()).stream()
                .takeWhile(line -> line.startsWith("|"))
                .map(PlatformsReadmeTest::row)
                .toList();
    }

    private static Row row(String line) {
        String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                .map(String::strip).toArray(String[]::new);
        assertThat(cells).as(line).hasSize(5);
        List<String> names = CODE.matcher(cells[1]).results().map(match -> match.group(1)).toList();
        return new Row(cells[0], names, cells[2], leadingCode(cells[3]), leadingCode(cells[4]));
    }

    /** The value a cell starts with, or null when it starts with words instead. */
    private static String leadingCode(String cell) {
        Matcher code = CODE.matcher(cell);
        return code.lookingAt() ? code.group(1) : null;
    }
}
