package dev.dragoman;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.dragoman.support.DragomanTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routes folder of the user's own next to the shipped routes: its file-drop.yaml replaces the shipped one (a copy
 * instead of a translation), its extra.yaml adds a route, and the shipped routes it does not name still run.
 */
class RouteFilesTest extends DragomanTestSupport {

    @Override
    protected Path routesFolder() {
        Path folder = dir().resolve("routes");
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("file-drop.yaml"), """
                    - route:
                        id: file-copy
                        from:
                          uri: "file:{{dragoman.file.inbox}}"
                          steps:
                            - to: "file:{{dragoman.file.outbox}}"
                    """);
            Files.writeString(folder.resolve("extra.yaml"), """
                    - route:
                        id: extra
                        from:
                          uri: direct:extra
                          steps:
                            - setBody:
                                constant: from extra.yaml
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    @Test
    void a_local_file_replaces_the_shipped_one_of_its_name_and_others_add_routes() throws Exception {
        assertThat(context.getRoute("file-drop")).isNull();
        assertThat(context.getRoute("file-drop-failures")).isNull();
        assertThat(context.getRoute("http-translate")).as("a shipped route no local file replaces").isNotNull();
        assertThat(template.requestBody("direct:extra", "", String.class)).isEqualTo("from extra.yaml");

        drop("hello.txt", "Hello world\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(awaitFile(outbox().resolve("hello.txt"), Duration.ofSeconds(30))))
                .isEqualTo("Hello world\n");
    }

    @Test
    void the_shipped_files_a_folder_does_not_replace_come_from_the_jar() throws Exception {
        Path folder = dir().resolve("routes");
        Files.writeString(folder.resolve("notes.txt"), "not a route");
        try (Stream<Path> project = Files.list(Path.of("routes"))) {
            assertThat(RouteFiles.shipped()).as("the project's routes, copied by the build")
                    .containsExactlyElementsOf(project.map(file -> file.getFileName().toString()).sorted().toList())
                    .contains("http-api.yaml", "kafka-stream.yaml");
        }
        assertThat(RouteFiles.locations(RouteFiles.shipped(), folder)).containsExactly(
                "classpath:routes/http-api.yaml", "classpath:routes/kafka-stream.yaml",
                "classpath:routes/web-console.yaml", "file:" + folder + "/*.yaml");
        assertThat(RouteFiles.locations(List.of("a.yaml"), dir().resolve("absent")))
                .containsExactly("classpath:routes/a.yaml");
    }
}
