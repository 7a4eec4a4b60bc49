package dev.dragoman;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.main.Main;
import org.apache.camel.util.ObjectHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dragoman.config.ConfigLocations;
import dev.dragoman.provider.ConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DragomanTest {

    @Test
    void start_up_stops_with_the_property_to_fix(@TempDir Path dir) throws Exception {
        Path extra = Files.writeString(dir.resolve("extra.properties"), """
                dragoman.providers = x
                dragoman.provider.x.url = https://api.deepseek.com
                dragoman.provider.x.keys = sk-abcdefghijklmnop
                """);
        Main main = new Main(Dragoman.class);
        main.setDefaultPropertyPlaceholderLocation(ConfigLocations.of(extra.toString()));
        Throwable failure = catchThrowable(main::start);
        main.stop();
        assertThat(ObjectHelper.getException(ConfigurationException.class, failure))
                .hasMessage("dragoman.provider.x.model is missing");
    }
}
