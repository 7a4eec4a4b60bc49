package dev.dragoman.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dragoman.provider.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code DRAGOMAN_CONFIG} as Camel's property component reads it: its files override the shipped properties, a later
 * file overrides an earlier one, and a folder is read as a mounted ConfigMap is laid out.
 */
class ConfigLocationsTest {

    @Test
    void the_file_named_by_dragoman_config_overrides_the_shipped_properties(@TempDir Path dir) throws Exception {
        Path extra = Files.writeString(dir.resolve("extra.properties"), "dragoman.target-lang = German\n");

        assertThat(resolve(extra.toString(), "dragoman.target-lang")).contains("German");
        assertThat(resolve(extra.toString(), "dragoman.file.inbox")).contains("data/inbox");
    }

    @Test
    void of_several_files_the_later_wins(@TempDir Path dir) throws Exception {
        Path base = Files.writeString(dir.resolve("base.properties"), """
                dragoman.target-lang = German
                dragoman.source-lang = French
                """);
        Path overlay = Files.writeString(dir.resolve("overlay.properties"), "dragoman.target-lang = Italian\n");
        String config = base + " , " + overlay;

        assertThat(resolve(config, "dragoman.target-lang")).contains("Italian");
        assertThat(resolve(config, "dragoman.source-lang")).contains("French");
    }

    @Test
    void a_folder_is_read_as_a_mounted_config_map_in_name_order(@TempDir Path dir) throws Exception {
        // the layout the kubelet gives a ConfigMap's volume: a timestamped folder, ..data linked to it, and a link
        // per key; what is not a *.properties key is not read
        Path data = Files.createDirectory(dir.resolve("..2026_12_05_09_00_00.000000001"));
        Files.writeString(data.resolve("dragoman.properties"), """
                dragoman.target-lang = German
                dragoman.source-lang = French
                """);
        Files.writeString(data.resolve("kafka.properties"), "dragoman.target-lang = Italian\n");
        Files.writeString(data.resolve("notes.txt"), "dragoman.source-lang = Greek\n");
        Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
        for (String key : new String[] {"dragoman.properties", "kafka.properties", "notes.txt"}) {
            Files.createSymbolicLink(dir.resolve(key), Path.of("..data", key));
        }

        assertThat(resolve(dir.toString(), "dragoman.target-lang")).contains("Italian");
        assertThat(resolve(dir.toString(), "dragoman.source-lang")).contains("French");
    }

    @Test
    void a_path_that_is_not_there_stops_the_start_with_its_name(@TempDir Path dir) {
        assertThatThrownBy(() -> ConfigLocations.of(dir.resolve("missing.properties").toString()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DRAGOMAN_CONFIG names " + dir.resolve("missing.properties") + ", which does not exist");
        assertThatThrownBy(() -> ConfigLocations.of(dir.toString()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("holds no *.properties file");
    }

    private static Optional<String> resolve(String dragomanConfig, String name) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addLocation(ConfigLocations.of(dragomanConfig));
            context.start();
            return context.getPropertiesComponent().resolveProperty(name);
        }
    }
}
