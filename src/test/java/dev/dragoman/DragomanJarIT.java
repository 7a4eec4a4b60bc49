package dev.dragoman;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dragoman.provider.pseudo.PseudoLocalizer;
import dev.dragoman.support.DragomanProcess;
import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.PrometheusSamples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The packaged jar, run with {@code java -jar} in a folder of the user's, as users run it. */
class DragomanJarIT {

    private static final Path JAR = Path.of("target", "dragoman.jar");
    private static final String HELLO = "{\"text\": \"Hello\"}";

    private final int port = DragomanTestSupport.freePort();
    private final HttpClientSupport http = new HttpClientSupport(port);

    /** No application.properties, no routes: all it needs comes from inside the jar, its data folders from here. */
    @Test
    void runs_from_an_empty_folder_on_the_configuration_and_routes_it_carries(@TempDir Path folder) throws Exception {
        DragomanProcess dragoman = start("jar-empty-folder", folder, Map.of("dragoman.file.settle-time", "100"));
        try {
            Reply reply = firstAnswer(dragoman);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("translation").asText()).isEqualTo(PseudoLocalizer.localize("Hello"));
            assertThat(folder.resolve("data").resolve("memory.mv.db")).as("the translation memory, made on first start")
                    .exists();

            Path inbox = Files.createDirectories(folder.resolve("data").resolve("inbox"));
            Path staged = Files.writeString(folder.resolve("hello.txt"), "Hello world\n");
            Files.move(staged, inbox.resolve("hello.txt"));
            Path translated = folder.resolve("data").resolve("outbox").resolve("hello.txt");
            await("the translation of a dropped file; see " + dragoman.log()).atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(translated));
            assertThat(Files.readString(translated, StandardCharsets.UTF_8))
                    .isEqualTo(PseudoLocalizer.localize("Hello world") + "\n");
            // the shaded jar scrapes as the build does
            PrometheusSamples metrics = PrometheusSamples.parse(http.get("/observe/metrics").body());
            assertThat(metrics.value("dragoman_translations_total", Map.of("source", "file", "outcome",
                    "translated"))).isEqualTo(1);
        } finally {
            dragoman.kill();
        }
    }

    /** A partial application.properties in the working directory: its values win, -D wins over it, the rest ships. */
    @Test
    void a_working_directory_file_overrides_what_the_jar_carries(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("application.properties"), """
                dragoman.target-lang = German
                dragoman.source-lang = French
                """);
        DragomanProcess dragoman = start("jar-own-properties", folder, Map.of("dragoman.source-lang", "Japanese"));
        try {
            Reply reply = firstAnswer(dragoman);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("target_lang").asText()).isEqualTo("German");
            assertThat(reply.json().path("source_lang").asText()).isEqualTo("Japanese");
            assertThat(reply.json().path("provider").asText()).as("from the shipped file").isEqualTo("pseudo");
        } finally {
            dragoman.kill();
        }
    }

    private DragomanProcess start(String name, Path folder, Map<String, String> properties) throws Exception {
        Map<String, String> settings = new HashMap<>(properties);
        settings.put("camel.server.port", String.valueOf(port));
        return DragomanProcess.startJar(name, JAR, folder, settings);
    }

    /** The connection is refused until Dragoman has started, so the first answer also says it has. */
    private Reply firstAnswer(DragomanProcess dragoman) {
        return await("POST /translate; see " + dragoman.log()).atMost(Duration.ofMinutes(2)).ignoreExceptions()
                .until(() -> http.postJson("/translate", HELLO), answer -> answer != null);
    }
}
