package dev.dragoman.provider;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.provider.Platforms.Preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Platform files: what a line means, and which lines stop start-up, each named by its file and line. */
class PresetFileTest {

    private static final String HEADER = "# presets\n" + PresetFile.HEADER + "\n";

    private static List<PresetLine> read(String text) throws IOException {
        return PresetFile.read("extra.csv", new StringReader(text));
    }

    @Test
    void a_line_gives_name_aliases_address_dialect_model_and_a_title_with_commas() throws IOException {
        List<PresetLine> lines = read(HEADER
                + "\n"
                + "relay, corp  relay2 ,https://relay.example.com/v1,openai,gpt-4o,Our relay, the one in Paris\n"
                + "own,,,azure,,Bring your own\n");

        assertThat(lines).hasSize(2);
        PresetLine relay = lines.get(0);
        assertThat(relay.names()).containsExactly("relay", "corp", "relay2");
        assertThat(relay.url()).isEqualTo("https://relay.example.com/v1");
        assertThat(relay.dialect()).isEqualTo("openai");
        assertThat(relay.model()).isEqualTo("gpt-4o");
        assertThat(relay.title()).isEqualTo("Our relay, the one in Paris");
        assertThat(relay.where()).isEqualTo("extra.csv line 4");
        assertThat(lines.get(1).url()).as("no address: every user has their own").isNull();
        assertThat(lines.get(1).model()).as("no model to guess").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "relay,,https://relay.example.com/v1,openai                 | 4 fields where 6 belong",
            "relay,,https://relay.example.com/v1,openia,m,Relay          | unknown dialect 'openia'",
            "Relay,,https://relay.example.com/v1,openai,m,Relay          | 'Relay' is no platform name",
            "relay,r_2,https://relay.example.com/v1,openai,m,Relay       | 'r_2' is no platform name",
            "relay,,relay.example.com/v1,openai,m,Relay                  | 'relay.example.com/v1' is no http(s) address",
            "relay,,https://relay.example.com/v1,openai,m,               | the title is missing",
    })
    void a_malformed_line_names_its_file_and_line(String line, String problem) {
        assertThatThrownBy(() -> read(HEADER + line + "\n"))
                .isInstanceOf(PresetFileException.class)
                .hasMessageStartingWith("extra.csv line 3: ")
                .hasMessageContaining(problem);
    }

    @Test
    void a_file_without_the_header_is_refused_at_its_first_line() {
        assertThatThrownBy(() -> read("# presets\nrelay,,https://relay.example.com/v1,openai,m,Relay\n"))
                .isInstanceOf(PresetFileException.class)
                .hasMessage("extra.csv line 2: expected the header '" + PresetFile.HEADER + "'");
    }

    @Test
    void every_file_on_the_class_path_adds_its_presets(@TempDir Path dir) throws IOException {
        URL shipped = file(dir.resolve("shipped"), "openai,,https://api.openai.com/v1,openai,gpt-4o-mini,OpenAI");
        URL extra = file(dir.resolve("extra"), "relay,corp,https://relay.example.com/v1,openai,gpt-4o,Our relay");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {shipped, extra}, null)) {
            assertThat(Platforms.read(loader)).containsOnlyKeys("openai", "relay", "corp")
                    .containsEntry("corp", new Preset("corp", "https://relay.example.com/v1", "openai", "gpt-4o"));
        }
    }

    @Test
    void a_name_defined_twice_is_refused_with_both_places(@TempDir Path dir) throws IOException {
        URL shipped = file(dir.resolve("shipped"), "openai,,https://api.openai.com/v1,openai,gpt-4o-mini,OpenAI");
        URL extra = file(dir.resolve("extra"), "relay,openai,https://relay.example.com/v1,openai,gpt-4o,Our relay");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {shipped, extra}, null)) {
            assertThatThrownBy(() -> Platforms.read(loader))
                    .isInstanceOf(PresetFileException.class)
                    .hasMessageContaining("extra/" + Platforms.RESOURCE + " line 2: platform 'openai' is already "
                            + "defined in ")
                    .hasMessageEndingWith("shipped/" + Platforms.RESOURCE + " line 2");
        }
    }

    /** A class-path root holding a platform file with the header and the given line. */
    private static URL file(Path root, String line) throws IOException {
        Path file = root.resolve(Platforms.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, PresetFile.HEADER + "\n" + line + "\n");
        return root.toUri().toURL();
    }
}
