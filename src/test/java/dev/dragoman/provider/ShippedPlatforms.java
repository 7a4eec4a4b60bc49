package dev.dragoman.provider;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The platform file as the jar ships it, read from the source tree so that no test preset mixes in. */
final class ShippedPlatforms {

    static final Path FILE = Path.of("src/main/resources", Platforms.RESOURCE);

    private ShippedPlatforms() {
    }

    static List<PresetLine> lines() {
        try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            return PresetFile.read(FILE.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> names() {
        return lines().stream().flatMap(line -> line.names().stream()).toList();
    }
}
