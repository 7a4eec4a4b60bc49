package dev.dragoman.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.dragoman.support.LocalPostgres;

/**
 * The replicas phase: three Dragoman processes share one key of {@code concurrency = 2} and {@code rpm = 120} (--quick:
 * 600) on a {@link LimitedStandIn} that enforces exactly those limits with 429s, under load from 4 clients per process
 * for 60 s (--quick: 10 s). Run twice: with {@code dragoman.cluster.store = jdbc} on a PostgreSQL of its own (Debian's
 * package, as the tests use), then without a store, each process with the key's full budget. Prints
 * {@code replicas_429} (429s the stand-in sent with the shared store; target 0) and {@code replicas_429_unshared}, and
 * {@code replicas_budget_share} / {@code replicas_budget_share_unshared}: the calls the stand-in accepted over what the
 * key's rpm allows in the run (target at least 0.95 with the store); and {@code replicas_store_tx_per_s}, what the
 * shared store costs its database: the transactions a second PostgreSQL counted for it during the load
 * ({@code pg_stat_database}, whose counts lag by up to a second at either end).
 */
final class ReplicasPhase {

    private static final Path DIR = Path.of("target", "bench", "replicas");
    private static final int PROCESSES = 3;
    private static final int CLIENTS_PER_PROCESS = 4;
    private static final int CONCURRENCY = 2;

    private final int rpm;
    private final Duration load;

    ReplicasPhase(boolean quick) {
        this.rpm = quick ? 600 : 120;
        this.load = Duration.ofSeconds(quick ? 10 : 60);
    }

    Map<String, String> run() throws Exception {
        Bench.deleteTree(DIR);
        Map<String, String> figures = new LinkedHashMap<>();
        LocalPostgres postgres = new LocalPostgres();
        postgres.beforeAll(null);
        try (LimitedStandIn standIn = new LimitedStandIn(CONCURRENCY, rpm)) {
            Run shared = run("shared", standIn, Map.of("dragoman.cluster.store", "jdbc",
                    "dragoman.cluster.url", postgres.url(), "dragoman.cluster.user", postgres.user()),
                    () -> transactions(postgres));
            Run alone = run("unshared", standIn, Map.of(), () -> 0);
            figures.put("replicas_429", String.valueOf(shared.refused));
            figures.put("replicas_429_unshared", String.valueOf(alone.refused));
            figures.put("replicas_budget_share", share(shared));
            figures.put("replicas_budget_share_unshared", share(alone));
            figures.put("replicas_store_tx_per_s", String.format("%.0f", shared.storeTransactions / shared.seconds));
        } finally {
            postgres.afterAll(null);
        }
        return figures;
    }

    /** What the stand-in saw in one run. */
    private record Run(long answered, long refused, double seconds, long storeTransactions) {
    }

    /** A count read before and after the load. */
    private interface Counter {
        long count() throws SQLException;
    }

    /** The transactions PostgreSQL has counted in the store's database so far. */
    private static long transactions(LocalPostgres postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.url(), postgres.user(), "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database"
                        + " WHERE datname = current_database()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private String share(Run run) {
        return String.format("%.3f", run.answered / (rpm * run.seconds / 60));
    }

    private Run run(String name, LimitedStandIn standIn, Map<String, String> store, Counter storeTransactions)
            throws Exception {
        List<Bench.DragomanJvm> processes = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                Path dir = Files.createDirectories(DIR.resolve(name + "-" + i));
                processes.add(Bench.DragomanJvm.start(config(dir, standIn, store), dir.resolve("dragoman-gc.log")));
            }
            for (Bench.DragomanJvm process : processes) {
                process.awaitReady(Duration.ofSeconds(120));
            }
            Bench.progress("replicas: " + PROCESSES + " processes " + (store.isEmpty() ? "each on its own"
                    : "sharing the key through PostgreSQL") + ", " + load.toSeconds() + " s on one key of rpm " + rpm
                    + " and concurrency " + CONCURRENCY);
            standIn.reset();
            long transactionsBefore = storeTransactions.count();
            long start = System.nanoTime();
            load(processes, System.nanoTime() + load.toNanos());
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(standIn.answered.get(), standIn.refused.get(), seconds,
                    storeTransactions.count() - transactionsBefore);
        } finally {
            for (Bench.DragomanJvm process : processes) {
                process.close();
            }
        }
    }

    /** Texts, each its own, from every client to its process one after another until {@code until}. */
    private static void load(List<Bench.DragomanJvm> processes, long until) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService clients = Executors.newFixedThreadPool(processes.size() * CLIENTS_PER_PROCESS);
        AtomicLong next = new AtomicLong();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Bench.DragomanJvm process : processes) {
                URI uri = URI.create("http://127.0.0.1:" + process.port + "/translate");
                for (int c = 0; c < CLIENTS_PER_PROCESS; c++) {
                    running.add(clients.submit(() -> {
                        while (System.nanoTime() < until) {
                            // a text's wait is bounded by the time left, so the run ends on time
                            long left = Math.max(1, (until - System.nanoTime()) / 1_000_000);
                            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMillis(left))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Replica text "
                                            + next.incrementAndGet() + "\"}"))
                                    .build();
                            try {
                                client.send(request, HttpResponse.BodyHandlers.discarding());
                            } catch (java.net.http.HttpTimeoutException endOfRun) {
                                return null;
                            } catch (java.io.IOException e) {
                                // a timeout that fires as the reply's head arrives closes the connection under the
                                // reader: HttpClient then says "header parser received no bytes", not "timed out"
                                if (System.nanoTime() < until) {
                                    throw e;
                                }
                                return null;
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** A user's DRAGOMAN_CONFIG file: the one instance on the stand-in, this process's folders, the store if any. */
    private Path config(Path dir, LimitedStandIn standIn, Map<String, String> store) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.port", String.valueOf(Bench.freePort()));
        p.put("dragoman.providers", "limited");
        p.put("dragoman.provider.limited.url", standIn.url());
        p.put("dragoman.provider.limited.dialect", "openai");
        p.put("dragoman.provider.limited.model", "bench");
        p.put("dragoman.provider.limited.keys", "limited-key-1");
        p.put("dragoman.provider.limited.concurrency", String.valueOf(CONCURRENCY));
        p.put("dragoman.provider.limited.rpm", String.valueOf(rpm));
        p.put("dragoman.provider.limited.batch-lines", "1");
        p.put("dragoman.memory.enabled", "false");
        for (String folder : new String[] { "inbox", "outbox", "failed" }) {
            p.put("dragoman.file." + folder, Files.createDirectories(dir.resolve(folder)).toAbsolutePath().toString());
        }
        p.putAll(store);
        return Bench.writeConfig(dir.resolve("dragoman-replicas.properties"), p);
    }
}
