package dev.dragoman;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.main.MainConfigurationProperties;

/**
 * Where the YAML routes come from: the ones shipped inside the jar ({@code routes/*.yaml} on the classpath), and the
 * files of a {@code routes} folder in the working directory when there is one. A file there replaces the shipped file
 * of the same name and any other file adds its routes, so that a user copies in only the route they change.
 * {@code camel.main.routes-include-pattern}, set as any property, replaces this list altogether.
 */
public final class RouteFiles {

    private static final String FOLDER = "routes";

    private RouteFiles() {
    }

    public static void configure(MainConfigurationProperties main, Path folder) {
        main.setRoutesIncludePattern(String.join(",", locations(shipped(), folder)));
    }

    /** The shipped files the folder does not replace, then the folder's own (Camel loads each location once). */
    static List<String> locations(List<String> shipped, Path folder) {
        List<String> local = yamlNames(folder);
        List<String> locations = new ArrayList<>();
        shipped.stream().filter(name -> !local.contains(name))
                .forEach(name -> locations.add("classpath:" + FOLDER + "/" + name));
        if (!local.isEmpty()) {
            // Camel's resource locations use forward slashes on every platform
            locations.add("file:" + folder.toString().replace('\\', '/') + "/*.yaml");
        }
        return locations;
    }

    /**
     * The route files inside the jar, or in target/classes when run from the build. Camel's classpath scan cannot
     * list them here (it needs a running context) and names them differently in a jar and in a folder.
     */
    static List<String> shipped() {
        try {
            Path home = Path.of(RouteFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(home)) {
                return yamlNames(home.resolve(FOLDER));
            }
            try (FileSystem jar = FileSystems.newFileSystem(home)) {
                return yamlNames(jar.getPath(FOLDER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> yamlNames(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yaml")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
