package dev.dragoman.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.dragoman.provider.ConfigurationException;

/**
 * Where Dragoman's properties come from, as Camel's property placeholder locations: the files {@code DRAGOMAN_CONFIG}
 * names, then {@code ./application.properties} when present, then the one shipped inside the jar.
 * <p>
 * {@code DRAGOMAN_CONFIG} names a file or a folder, or several separated by commas; a folder stands for its
 * {@code *.properties} files in name order, as a Kubernetes ConfigMap mounts its keys, so an overlay adds a file of its
 * own to the base's instead of repeating it. Where two set the same property, the later one wins, as in a
 * {@code conf.d} folder. Everything named must exist: a mistyped path stops the start rather than being skipped.
 */
public final class ConfigLocations {

    private static final String FOUND = "file:application.properties;optional=true,classpath:application.properties";

    private ConfigLocations() {
    }

    /** @param dragomanConfig the value of {@code DRAGOMAN_CONFIG}, or null */
    public static String of(String dragomanConfig) {
        if (dragomanConfig == null || dragomanConfig.isBlank()) {
            return FOUND;
        }
        List<Path> files = new ArrayList<>();
        for (String named : dragomanConfig.split(",")) {
            files.addAll(filesOf(Path.of(named.strip())));
        }
        // Camel takes a property from the first location that has it: the last file named comes first
        List<String> locations = new ArrayList<>();
        for (int i = files.size() - 1; i >= 0; i--) {
            locations.add("file:" + files.get(i));
        }
        locations.add(FOUND);
        return String.join(",", locations);
    }

    private static List<Path> filesOf(Path named) {
        if (!Files.isDirectory(named)) {
            if (!Files.isRegularFile(named)) {
                throw new ConfigurationException("DRAGOMAN_CONFIG names " + named + ", which does not exist");
            }
            return List.of(named);
        }
        // a ConfigMap's mount also holds its own ..data links and folders: only the files of its keys are read
        try (Stream<Path> entries = Files.list(named)) {
            Path[] found = entries.filter(entry -> entry.getFileName().toString().endsWith(".properties"))
                    .filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted().toArray(Path[]::new);
            if (found.length == 0) {
                throw new ConfigurationException("DRAGOMAN_CONFIG names the folder " + named
                        + ", which holds no *.properties file");
            }
            return Arrays.asList(found);
        } catch (IOException e) {
            throw new ConfigurationException("DRAGOMAN_CONFIG names the folder " + named + ", which cannot be read: "
                    + e.getMessage());
        }
    }
}
