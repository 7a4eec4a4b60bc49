package dev.dragoman.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.dragoman.support.DragomanProcess;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.LocalPostgres;

/**
 * Dragoman processes of one group, each in a JVM of its own on its own port, sharing one PostgreSQL as their cluster
 * store; the test gives them one provider instance, {@code stub}. Closing the group kills them.
 */
final class Group implements AutoCloseable {

    private final List<DragomanProcess> processes = new ArrayList<>();
    private final List<HttpClientSupport> clients = new ArrayList<>();
    private final Set<Integer> killed = ConcurrentHashMap.newKeySet();

    /** Starts one process per name and waits until each is ready. */
    static Group start(String test, List<String> names, LocalPostgres postgres, Path dir,
            Map<String, String> provider) throws Exception {
        Group group = new Group();
        try {
            for (String name : names) {
                int port = freePort();
                Map<String, String> settings = new HashMap<>(provider);
                settings.put("camel.server.port", String.valueOf(port));
                settings.put("dragoman.providers", "stub");
                settings.put("dragoman.cluster.store", "jdbc");
                settings.put("dragoman.cluster.url", postgres.url());
                settings.put("dragoman.cluster.user", postgres.user());
                for (String folder : List.of("inbox", "outbox", "failed")) {
                    settings.put("dragoman.file." + folder, dir.resolve(name + "-" + folder).toString());
                }
                group.processes.add(DragomanProcess.start(test + "-" + name, settings));
                group.clients.add(new HttpClientSupport(port));
            }
            for (HttpClientSupport client : group.clients) {
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                        .until(() -> client.get("/observe/health/ready").status() == 200);
            }
            return group;
        } catch (Exception | Error e) {
            group.close();
            throw e;
        }
    }

    HttpClientSupport client(int process) {
        return clients.get(process);
    }

    DragomanProcess process(int process) {
        return processes.get(process);
    }

    /** Kills one process outright ({@code kill -9}); the load goes to the others from then on. */
    void kill(int process) throws InterruptedException {
        processes.get(process).kill();
        killed.add(process);
    }

    /**
     * Texts to every process still running from {@code perProcess} clients each, one after another, until {@code until}; the
     * status of every answer.
     */
    List<Integer> translateUntil(Instant until, int perProcess) throws Exception {
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(clients.size() * perProcess);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int process = 0; process < clients.size(); process++) {
                if (killed.contains(process)) {
                    continue;
                }
                HttpClientSupport client = clients.get(process);
                for (int c = 0; c < perProcess; c++) {
                    running.add(load.submit(() -> {
                        for (int i = 0; Instant.now().isBefore(until); i++) {
                            statuses.add(client.postJson("/translate", "{\"text\":\"Text " + i + "\"}").status());
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            load.shutdown();
        }
        return List.copyOf(statuses);
    }

    @Override
    public void close() throws InterruptedException {
        for (DragomanProcess process : processes) {
            process.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
