package dev.dragoman.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Dragoman in a JVM of its own, started as users start it (settings as {@code -D} properties, no
 * {@code DRAGOMAN_CONFIG}), so that a test can kill it without any shutdown at all, as a crash or a pulled plug would.
 * Its console goes to a log file for when a test fails.
 */
public final class DragomanProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private DragomanProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * {@code dev.dragoman.Dragoman} from the test classpath, in the project directory, without a translation memory:
     * the default one, data/memory there, would outlive the test and answer the next run's texts.
     */
    public static DragomanProcess start(String name, Map<String, String> properties) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("dragoman.memory.enabled", "false"));
        settings.putAll(properties);
        return start(name, Path.of(""), settings,
                List.of("-cp", System.getProperty("java.class.path"), "dev.dragoman.Dragoman"));
    }

    /**
     * {@code java @jvm.options -jar jar} in {@code folder}: the packaged application with the shipped start's options,
     * wherever a user runs it.
     */
    public static DragomanProcess startJar(String name, Path jar, Path folder, Map<String, String> properties)
            throws IOException {
        return start(name, folder, properties, List.of("@" + Path.of("jvm.options").toAbsolutePath(), "-jar",
                jar.toAbsolutePath().toString()));
    }

    private static DragomanProcess start(String name, Path folder, Map<String, String> properties, List<String> launch)
            throws IOException {
        Path log = Files.createDirectories(Path.of("target", "processes")).resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        Map<String, String> settings = new LinkedHashMap<>();
        // any free port: several of these run at once, and 8080 may be taken on a build machine
        settings.put("camel.server.port", "0");
        settings.putAll(properties);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile());
        // a developer's own configuration must not leak into a test
        builder.environment().remove("DRAGOMAN_CONFIG");
        return new DragomanProcess(builder.start(), log);
    }

    /** Ends the JVM at once (SIGKILL): no shutdown hook, no graceful stop, nothing committed on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops it as an operator would (SIGTERM): Camel shuts down gracefully and the consumer leaves its group. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
