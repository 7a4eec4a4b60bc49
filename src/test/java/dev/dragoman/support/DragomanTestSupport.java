package dev.dragoman.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.AfterEach;

import dev.dragoman.Dragoman;
import dev.dragoman.RouteFiles;
import dev.dragoman.config.ConfigLocations;

import static org.awaitility.Awaitility.await;

/**
 * Dragoman as users run it in the project folder (application.properties, routes/*.yaml, the real Camel Main
 * set-up), with its folders in a fresh temporary directory per test and whatever properties a test adds.
 */
public abstract class DragomanTestSupport extends CamelMainTestSupport {

    private Path dir;
    private int port;

    /**
     * This test's folder, made on first use rather than by {@code @TempDir}: Camel's test support asks for the
     * properties before JUnit fills in fields.
     */
    protected Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("dragoman-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    @AfterEach
    void removeTempDirectory() {
        FileUtil.removeDir(dir().toFile());
    }

    @Override
    protected Class<?> getMainClass() {
        return Dragoman.class;
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return ConfigLocations.of(null);
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        RouteFiles.configure(configuration, routesFolder());
    }

    /** The folder of routes that replace or add to the shipped ones: the project's, as when users run Dragoman here. */
    protected Path routesFolder() {
        return Path.of("routes");
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("dragoman.file.inbox", inbox().toString());
        properties.put("dragoman.file.outbox", outbox().toString());
        properties.put("dragoman.file.failed", failed().toString());
        properties.put("dragoman.file.settle-time", "100");
        properties.put("camel.server.port", String.valueOf(port()));
        // tests start Dragoman many times in one JVM with the same texts: a memory shared between them would answer
        // one test's texts from another's, so a test that is about the memory turns it on, with a database of its own
        properties.put("dragoman.memory.enabled", "false");
        properties.putAll(properties());
        return properties;
    }

    /** The HTTP API's port in this test: a free one, so tests never meet a server already on 8080. */
    protected int port() {
        if (port == 0) {
            port = freePort();
        }
        return port;
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds an OpenAI-format instance to the test's properties. */
    protected static void openAi(Properties properties, String name, String url, String keys, String model) {
        properties.put("dragoman.provider." + name + ".url", url);
        properties.put("dragoman.provider." + name + ".keys", keys);
        properties.put("dragoman.provider." + name + ".model", model);
    }

    /** What a test adds to or changes in the shipped configuration. */
    protected Properties properties() {
        return new Properties();
    }

    protected Path inbox() {
        return dir().resolve("inbox");
    }

    protected Path outbox() {
        return dir().resolve("outbox");
    }

    protected Path failed() {
        return dir().resolve("failed");
    }

    /** Drops a file as users do: written elsewhere, then moved into the inbox in one step. */
    protected void drop(String name, byte[] content) throws Exception {
        Path staging = Files.createDirectories(dir().resolve("staging")).resolve(name);
        Files.write(staging, content);
        Files.createDirectories(inbox());
        Files.move(staging, inbox().resolve(name));
    }

    protected static Path awaitFile(Path file, Duration timeout) {
        await().atMost(timeout).until(() -> Files.exists(file));
        return file;
    }
}
