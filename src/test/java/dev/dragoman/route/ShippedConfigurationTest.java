package dev.dragoman.route;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.DragomanTestSupport;
import dev.dragoman.provider.pseudo.PseudoLocalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shipped application.properties and routes, unchanged: no network, no key, the pseudo provider. */
class ShippedConfigurationTest extends DragomanTestSupport {

    private final String name = "shipped-" + System.nanoTime() + ".txt";
    private final Path inbox = Path.of("data/inbox");
    private final Path output = Path.of("data/outbox").resolve(name);

    /** Nothing overridden, the folders included, but the HTTP port: 8080 may be taken on a build machine. */
    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("camel.server.port", String.valueOf(port()));
        return properties;
    }

    @AfterEach
    void removeFiles() throws Exception {
        Files.deleteIfExists(output);
        Files.deleteIfExists(inbox.resolve(".done").resolve(name));
    }

    @Test
    void should_pseudo_localise_a_dropped_file_keeping_its_lines() throws Exception {
        String text = "Hello world\n\nSecond line\n";
        Files.createDirectories(inbox);
        Path staged = Files.writeString(Files.createTempFile("dragoman", ".txt"), text);
        Files.move(staged, inbox.resolve(name));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(output));
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).isEqualTo(
                PseudoLocalizer.localize("Hello world") + "\n\n" + PseudoLocalizer.localize("Second line") + "\n");
        assertThat(PseudoLocalizer.localize("Hello world")).startsWith("[Ĥéļļó ŵóŕļđ").endsWith("~~~~]");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve(".done").resolve(name)));
    }

    @Test
    void should_leave_a_file_alone_while_it_is_still_being_written() throws Exception {
        Files.createDirectories(inbox);
        Path partial = Files.writeString(inbox.resolve(name + ".part"), "Hello\n");
        try {
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                    .until(() -> Files.exists(partial) && !Files.exists(Path.of("data/outbox").resolve(name + ".part")));
            Files.move(partial, inbox.resolve(name));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(output));
            assertThat(Files.readString(output)).isEqualTo(PseudoLocalizer.localize("Hello") + "\n");
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
