package dev.dragoman.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kafka.testkit.KafkaClusterTestKit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.dragoman.support.KafkaBroker;

/**
 * The soak phase: a Dragoman of its own (default JVM options plus the GC log) for {@code --soak-minutes} minutes (30)
 * at a steady rate through its three sources at once, against the {@link ChaosStandIn} answering 5% of the calls with
 * a fault and down (connections refused) for 20 s once, around the middle; a broker of its own. The rates, modest for
 * a 2-core machine that also runs the broker, the stand-in and the load:
 * <ul>
 * <li>HTTP: {@code POST /translate}, one text a request, 50 a second from a fixed-rate scheduler, at most 32 in
 * flight (a request whose turn comes while 32 are out waits in the bench; its latency counts from its turn, so the
 * outage shows in the latencies rather than in fewer requests);</li>
 * <li>Kafka: 100 records a second;</li>
 * <li>the file drop: a file of 20 lines every 5 s (4 lines a second), written aside and moved into the inbox.</li>
 * </ul>
 * Dragoman keeps the default patience ({@code dragoman.deadline} 120 s, the breaker, the Kafka stream's pause, the
 * file drop's retry), which rides out 20 s; its HTTP share and worker threads are 64, above the bench's 32, so no
 * request is turned away for want of a slot; files that waited out the outage in the inbox are tried again after 10 s
 * rather than 30 s (see {@link #config}).
 * <p>
 * Figures: per minute {@code soak_min_<m>_per_s} (translations completed per second over the three sources: HTTP
 * replies, envelopes read from the output topic, output files' lines) and {@code soak_min_<m>_p99_ms} (of the HTTP
 * requests answered that minute, from their turn); after the first minute (warm-up) and at the end, with the load
 * running, the used heap after a full collection ({@code jcmd GC.run}, read from the GC log) and then the Dragoman
 * JVM's VmRSS, threads and open file descriptors ({@link Snapshot#take}); once the load stops and everything sent is
 * accounted for (5 minutes at most), {@code soak_lost} (texts with neither a translation nor a dead letter, an HTTP
 * error or a failed file), {@code soak_dead_letters} (Kafka dead letters + HTTP errors + files in the failed folder),
 * the faults served and the provider calls, and the verdicts {@code soak_heap_flat}, {@code soak_threads_flat} (at
 * most 10% above the start, or 2 more) and {@code soak_rss_within_10pct} (at most 10% above the start).
 * Translations that are not the stand-in's for their text count in {@code soak_wrong}; the WARN and ERROR lines of
 * Dragoman's console in {@code soak_log_warnings} and {@code soak_log_errors}. The figure {@code soak_lost} is
 * missing when the phase did not finish.
 */
final class SoakPhase {

    private static final Path DIR = Path.of("target", "bench", "soak");
    private static final Path GC_LOG = DIR.resolve("dragoman-gc.log");
    private static final ChaosPhase.Topics TOPICS = new ChaosPhase.Topics("soak.text", "soak.translations",
            "soak.failed");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double FAULT_SHARE = 0.05;
    private static final int HTTP_PER_S = 50;
    private static final int HTTP_CONCURRENCY = 32;
    private static final int KAFKA_PER_S = 100;
    private static final int FILE_EVERY_S = 5;
    private static final int FILE_LINES = 20;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);
    /** Longer than Dragoman's deadline: a request is answered by Dragoman, not given up by the bench. */
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(180);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final Pattern FULL_GC = Pattern.compile(
            "Pause Full \\((?:Diagnostic Command|System\\.gc\\(\\))\\) (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern FILE_NAME = Pattern.compile("soak-\\d+\\.txt");

    private final int minutes;
    private volatile long t0;

    // per minute of the soak (0-based) and one bucket more for what completes after it
    private final AtomicLongArray httpDone;
    private final AtomicLongArray kafkaDone;
    private final AtomicLongArray fileLinesDone;
    private final List<List<Long>> httpLatencies;

    private final AtomicInteger httpSent = new AtomicInteger();
    private final AtomicLong httpFinished = new AtomicLong();
    private final AtomicLong httpErrors = new AtomicLong();
    private final AtomicInteger kafkaSent = new AtomicInteger();
    private final AtomicLong kafkaProduceErrors = new AtomicLong();
    private final AtomicInteger filesDropped = new AtomicInteger();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong filesFailed = new AtomicLong();
    private final Set<String> filesSeen = ConcurrentHashMap.newKeySet();
    private final AtomicLong wrong = new AtomicLong();

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, daemon("soak-scheduler"));
    /** The HTTP requests' turns wait in this pool's queue while all its threads wait for answers. */
    private final ExecutorService httpWorkers = Executors.newFixedThreadPool(HTTP_CONCURRENCY, daemon("soak-http"));
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicBoolean polling = new AtomicBoolean(true);

    /** {@code --soak-minutes}: at least 3 (a warm-up minute, the outage in the middle, the end). */
    static int minutes(String argument) {
        int minutes = Integer.parseInt(argument);
        if (minutes < 3) {
            throw new IllegalArgumentException("--soak-minutes: at least 3 (a warm-up minute, the outage, the end)");
        }
        return minutes;
    }

    SoakPhase(int minutes) {
        this.minutes = minutes;
        httpDone = new AtomicLongArray(minutes + 1);
        kafkaDone = new AtomicLongArray(minutes + 1);
        fileLinesDone = new AtomicLongArray(minutes + 1);
        httpLatencies = IntStream.rangeClosed(0, minutes).mapToObj(m -> Collections.synchronizedList(
                new ArrayList<Long>())).collect(Collectors.toList());
    }

    /** The figures; without {@code soak_lost} when the phase did not finish (its reason on standard error). */
    Map<String, String> run() {
        Map<String, String> figures = new LinkedHashMap<>();
        try {
            soak(figures);
        } catch (Exception e) {
            Bench.progress("soak: did not finish: " + e);
            e.printStackTrace();
            figures.remove("soak_lost");
        }
        return figures;
    }

    private void soak(Map<String, String> figures) throws Exception {
        Bench.deleteTree(DIR);
        for (String folder : List.of("inbox", "outbox", "failed", "staging")) {
            Files.createDirectories(DIR.resolve(folder));
        }
        Bench.progress("soak: starting a KRaft broker");
        try (KafkaClusterTestKit broker = KafkaBroker.startCluster();
             ChaosStandIn standIn = new ChaosStandIn(FAULT_SHARE)) {
            String brokers = broker.bootstrapServers();
            TOPICS.create(brokers);
            try (Bench.DragomanJvm dragoman = Bench.DragomanJvm.start(config(standIn, brokers), GC_LOG);
                 KafkaProducer<String, String> producer = producer(brokers);
                 KafkaOutputs outputs = new KafkaOutputs(brokers, TOPICS, "soak") {
                     @Override
                     protected void received(boolean isDead, JsonNode value) {
                         if (!isDead) {
                             kafkaDone.incrementAndGet(minute());
                             check(value.path("text").asText(), value.path("translation").asText());
                         }
                     }
                 }) {
                dragoman.awaitReady(Duration.ofSeconds(120));
                Bench.progress(String.format("soak: %d min: HTTP %d/s (%d in flight at most), Kafka %d/s, a file of "
                        + "%d lines every %d s; %.0f%% faulty answers, the provider down for %d s at %d s "
                        + "(Dragoman pid %d)", minutes, HTTP_PER_S, HTTP_CONCURRENCY, KAFKA_PER_S, FILE_LINES,
                        FILE_EVERY_S, FAULT_SHARE * 100, OUTAGE.toSeconds(), outageStart().toSeconds(),
                        dragoman.pid()));
                Thread poller = new Thread(() -> poll(outputs), "soak-kafka-outputs");
                poller.setDaemon(true);
                poller.start();
                try {
                    load(figures, dragoman, standIn, outputs, producer);
                } finally {
                    // nothing is sent once the producer and Dragoman are closed, nor polled once the consumer is
                    scheduler.shutdownNow();
                    httpWorkers.shutdownNow();
                    polling.set(false);
                    poller.join(10_000);
                }
            }
        } finally {
            scheduler.shutdownNow();
            httpWorkers.shutdownNow();
        }
    }

    /** The load for the soak's minutes, the snapshots, the drain and the figures. */
    private void load(Map<String, String> figures, Bench.DragomanJvm dragoman, ChaosStandIn standIn,
            KafkaOutputs outputs, KafkaProducer<String, String> producer) throws Exception {
        long pid = dragoman.pid();
        URI translate = URI.create("http://127.0.0.1:" + dragoman.port + "/translate");
        t0 = System.nanoTime();
        long httpPeriod = TimeUnit.SECONDS.toNanos(1) / HTTP_PER_S;
        List<ScheduledFuture<?>> sources = List.of(
                scheduler.scheduleAtFixedRate(() -> {
                    int i = httpSent.getAndIncrement();
                    long due = t0 + i * httpPeriod;
                    httpWorkers.execute(() -> call(translate, i, due));
                }, 0, httpPeriod, TimeUnit.NANOSECONDS),
                scheduler.scheduleAtFixedRate(() -> produce(producer), 0,
                        TimeUnit.SECONDS.toNanos(1) / KAFKA_PER_S, TimeUnit.NANOSECONDS),
                scheduler.scheduleAtFixedRate(this::dropFile, 0, FILE_EVERY_S, TimeUnit.SECONDS));
        ScheduledFuture<?> watcher = scheduler.scheduleWithFixedDelay(this::watchFiles, 500, 500,
                TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> {
            standIn.down();
            Bench.progress("soak: provider down (connections refused) for " + OUTAGE.toSeconds() + " s");
        }, outageStart().toNanos(), TimeUnit.NANOSECONDS);
        scheduler.schedule(() -> {
            try {
                standIn.up();
                Bench.progress("soak: provider up again");
            } catch (IOException e) {
                Bench.progress("soak: the stand-in did not come up again: " + e);
            }
        }, outageStart().plus(OUTAGE).toNanos(), TimeUnit.NANOSECONDS);

        Snapshot start = null;
        Snapshot end = null;
        for (int m = 1; m <= minutes; m++) {
            sleepUntil(t0 + m * MINUTE);
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("Dragoman exited in minute " + m + "; see " + DIR);
            }
            Bench.progress(String.format("soak: minute %d: HTTP %.1f/s (p50 %s ms, p99 %s ms), Kafka %.1f/s, files "
                    + "%.1f lines/s; HTTP waiting %d, errors %d; Kafka not out %d, dead %d; RSS %d MB, "
                    + "%d threads, %d open files", m, httpDone.get(m - 1) / 60.0, percentile(m - 1, 50),
                    percentile(m - 1, 99),
                    kafkaDone.get(m - 1) / 60.0, fileLinesDone.get(m - 1) / 60.0,
                    httpSent.get() - httpFinished.get(), httpErrors.get(),
                    kafkaSent.get() - outputs.accounted(), outputs.deadLetters.get(), rssMb(pid),
                    threads(pid), openFiles(pid)));
            if (m == 1) {
                start = Snapshot.take(pid);
                Bench.progress("soak: start: " + start);
            }
            if (m == minutes) {
                end = Snapshot.take(pid);
                Bench.progress("soak: end: " + end);
            }
        }
        sources.forEach(source -> source.cancel(false));
        long stopped = System.nanoTime();
        Bench.progress("soak: load stopped; waiting for what is still on its way");
        long limit = stopped + DRAIN_LIMIT.toNanos();
        while (System.nanoTime() < limit && !(httpFinished.get() == httpSent.get()
                && outputs.accounted() >= kafkaSent.get()
                && filesDone.get() + filesFailed.get() == filesDropped.get())) {
            Thread.sleep(200);
        }
        long drained = System.nanoTime();
        // late dead letters and duplicates
        Thread.sleep(2_000);
        watcher.cancel(false);
        watchFiles();
        polling.set(false);

        for (int m = 0; m < minutes; m++) {
            figures.put("soak_min_" + (m + 1) + "_per_s", String.format("%.1f",
                    (httpDone.get(m) + kafkaDone.get(m) + fileLinesDone.get(m)) / 60.0));
            figures.put("soak_min_" + (m + 1) + "_p99_ms", percentile(m, 99));
        }
        figures.put("soak_rss_mb_start", String.valueOf(start.rssMb()));
        figures.put("soak_rss_mb_end", String.valueOf(end.rssMb()));
        figures.put("soak_heap_after_gc_mb_start", String.valueOf(start.heapAfterGcMb()));
        figures.put("soak_heap_after_gc_mb_end", String.valueOf(end.heapAfterGcMb()));
        figures.put("soak_heap_committed_mb_start", String.valueOf(start.heapCommittedMb()));
        figures.put("soak_heap_committed_mb_end", String.valueOf(end.heapCommittedMb()));
        figures.put("soak_threads_start", String.valueOf(start.threads()));
        figures.put("soak_threads_end", String.valueOf(end.threads()));
        figures.put("soak_open_files_start", String.valueOf(start.openFiles()));
        figures.put("soak_open_files_end", String.valueOf(end.openFiles()));
        long fileLinesAccounted = (filesDone.get() + filesFailed.get()) * FILE_LINES;
        long lost = (httpSent.get() - httpFinished.get()) + (kafkaSent.get() - outputs.accounted())
                + ((long) filesDropped.get() * FILE_LINES - fileLinesAccounted);
        figures.put("soak_lost", String.valueOf(lost));
        figures.put("soak_dead_letters", String.valueOf(outputs.deadLetters.get() + httpErrors.get()
                + filesFailed.get()));
        figures.put("soak_http_errors", String.valueOf(httpErrors.get()));
        figures.put("soak_kafka_dead_letters", String.valueOf(outputs.deadLetters.get()));
        figures.put("soak_files_failed", String.valueOf(filesFailed.get()));
        figures.put("soak_faults_served", String.valueOf(standIn.faults.get()));
        figures.put("soak_provider_calls", String.valueOf(standIn.requests.get()));
        figures.put("soak_heap_flat", yesNo(flat(start.heapAfterGcMb(), end.heapAfterGcMb())));
        figures.put("soak_threads_flat", yesNo(flat(start.threads(), end.threads())));
        figures.put("soak_rss_within_10pct", yesNo(end.rssMb() <= start.rssMb() * 1.10));
        figures.put("soak_http_requests", String.valueOf(httpSent.get()));
        figures.put("soak_kafka_records", String.valueOf(kafkaSent.get()));
        figures.put("soak_file_lines", String.valueOf((long) filesDropped.get() * FILE_LINES));
        figures.put("soak_wrong", String.valueOf(wrong.get()));
        figures.put("soak_kafka_duplicates", String.valueOf(outputs.envelopes.get() - outputs.distinct()));
        figures.put("soak_drain_s", String.format("%.1f", (drained - stopped) / 1e9));
        figures.putAll(consoleCounts(DIR.resolve("dragoman-console.log")));
        if (kafkaProduceErrors.get() > 0) {
            throw new IllegalStateException(kafkaProduceErrors.get() + " records were not produced");
        }
    }

    /** A user's DRAGOMAN_CONFIG file: the chaos phase's instance and Kafka stream, the soak's HTTP and file drop. */
    private static Path config(ChaosStandIn standIn, String brokers) throws IOException {
        Map<String, String> p = ChaosPhase.config(standIn, DIR, brokers, TOPICS, "soak");
        // one text a call, as the soak's figures were first measured: a steady rate of calls, not of batches
        p.put("dragoman.provider.chaos.batch-lines", "1");
        // the default, written out: a text waits this long for a provider that is down (20 s here) before it fails
        p.put("dragoman.deadline", "120s");
        // above the bench's 32 in flight: no request gets a 503 for want of a slot or waits for a worker thread
        p.put("dragoman.http.max-in-flight", "64");
        p.put("dragoman.http.worker-threads", "64");
        // a file that waited out the outage in the inbox is tried again sooner than the default 30 s
        p.put("dragoman.file.retry-delay", "10s");
        return Bench.writeConfig(DIR.resolve("dragoman-soak.properties"), p);
    }

    private Duration outageStart() {
        return Duration.ofSeconds(minutes * 30L - OUTAGE.toSeconds() / 2);
    }

    /** The minute of the soak now, 0-based; {@code minutes} once the soak's time is over. */
    private int minute() {
        return (int) Math.min(minutes, Math.max(0, (System.nanoTime() - t0) / MINUTE));
    }

    // --- the three sources ----------------------------------------------------------------------------------------

    private void call(URI translate, int i, long due) {
        String text = "Soak Anfrage " + i;
        HttpRequest request = HttpRequest.newBuilder(translate).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"id\":\"h-" + i + "\"}"))
                .build();
        int status;
        String body;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            body = response.body();
        } catch (Exception e) {
            status = -1;
            body = e.toString();
        }
        int m = minute();
        httpLatencies.get(m).add(System.nanoTime() - due);
        if (status == 200) {
            httpDone.incrementAndGet(m);
            try {
                check(text, JSON.readTree(body).path("translation").asText());
            } catch (IOException e) {
                wrong.incrementAndGet();
            }
        } else if (httpErrors.incrementAndGet() <= 20) {
            Bench.progress("soak: HTTP " + (status < 0 ? "failed" : status) + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
        httpFinished.incrementAndGet();
    }

    private static KafkaProducer<String, String> producer(String brokers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private void produce(KafkaProducer<String, String> producer) {
        int i = kafkaSent.getAndIncrement();
        try {
            producer.send(new ProducerRecord<>(TOPICS.input(), "k" + i % 97,
                    "{\"text\":\"Soak Satz " + i + "\",\"id\":\"k-" + i + "\"}"), (metadata, e) -> {
                        if (e != null) {
                            notProduced(e);
                        }
                    });
        } catch (RuntimeException e) {
            // thrown out of the scheduled task, it would end the schedule
            notProduced(e);
        }
    }

    private void notProduced(Exception e) {
        if (kafkaProduceErrors.incrementAndGet() <= 5) {
            Bench.progress("soak: a record was not produced: " + e);
        }
    }

    private void dropFile() {
        int i = filesDropped.get();
        String name = String.format("soak-%05d.txt", i);
        Path staged = DIR.resolve("staging").resolve(name);
        try {
            Files.write(staged, lines(i), StandardCharsets.UTF_8);
            Files.move(staged, DIR.resolve("inbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
            filesDropped.incrementAndGet();
        } catch (IOException e) {
            Bench.progress("soak: could not drop " + name + ": " + e);
        }
    }

    private static List<String> lines(int file) {
        return IntStream.rangeClosed(1, FILE_LINES).mapToObj(j -> "Soak Datei " + file + " Zeile " + j).toList();
    }

    /** Counts the files that came out, in the outbox or the failed folder, each once. */
    private void watchFiles() {
        try {
            for (Path out : soakFiles(DIR.resolve("outbox"))) {
                if (filesSeen.add(out.getFileName().toString())) {
                    int file = Integer.parseInt(out.getFileName().toString().replaceAll("\\D", ""));
                    List<String> sources = lines(file);
                    List<String> translated = Files.readAllLines(out, StandardCharsets.UTF_8);
                    for (int j = 0; j < sources.size(); j++) {
                        check(sources.get(j), j < translated.size() ? translated.get(j) : null);
                    }
                    filesDone.incrementAndGet();
                    fileLinesDone.addAndGet(minute(), FILE_LINES);
                }
            }
            for (Path failed : soakFiles(DIR.resolve("failed"))) {
                if (filesSeen.add(failed.getFileName().toString())) {
                    filesFailed.incrementAndGet();
                    Path error = failed.resolveSibling(failed.getFileName() + ".error.txt");
                    Bench.progress("soak: " + failed.getFileName() + " failed: " + (Files.exists(error)
                            ? Files.readString(error).strip() : "(no .error.txt)"));
                }
            }
        } catch (IOException | RuntimeException e) {
            Bench.progress("soak: reading the outputs: " + e);
        }
    }

    private static List<Path> soakFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private void check(String text, String translation) {
        if (!("T:" + text).equals(translation) && wrong.incrementAndGet() <= 20) {
            Bench.progress("soak: \"" + text + "\" came back as \"" + translation + "\"");
        }
    }

    private void poll(KafkaOutputs outputs) {
        while (polling.get()) {
            try {
                outputs.poll();
            } catch (IOException | RuntimeException e) {
                Bench.progress("soak: reading the output topics: " + e);
            }
        }
    }

    // --- figures --------------------------------------------------------------------------------------------------

    /** The percentile of the latencies of the HTTP requests answered in the minute (0-based). */
    private String percentile(int minute, double percentile) {
        List<Long> latencies;
        synchronized (httpLatencies.get(minute)) {
            latencies = new ArrayList<>(httpLatencies.get(minute));
        }
        if (latencies.isEmpty()) {
            return "n/a";
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.1f", LoadGenerator.percentileMillis(sorted, percentile));
    }

    /** At most 10% above the start, or 2 more (the GC log's heap sizes are whole megabytes). */
    private static boolean flat(long start, long end) {
        return end <= Math.max(start * 1.10, start + 2);
    }

    private static String yesNo(boolean yes) {
        return yes ? "yes" : "no";
    }

    /** WARN and ERROR lines in Dragoman's console, so that a soak that met its targets still shows its complaints. */
    private static Map<String, String> consoleCounts(Path console) throws IOException {
        long warnings;
        long errors;
        try (Stream<String> lines = Files.lines(console, StandardCharsets.UTF_8)) {
            List<String> levels = lines.map(line -> line.split("\\s+", 3)).filter(parts -> parts.length > 1)
                    .map(parts -> parts[1]).filter(level -> level.equals("WARN") || level.equals("ERROR")).toList();
            warnings = levels.stream().filter("WARN"::equals).count();
            errors = levels.size() - warnings;
        }
        return Map.of("soak_log_warnings", String.valueOf(warnings), "soak_log_errors", String.valueOf(errors));
    }

    // --- the Dragoman process -------------------------------------------------------------------------------------

    /** What the soak watches for growth in the Dragoman process. */
    private record Snapshot(long rssMb, long heapAfterGcMb, long heapCommittedMb, long threads, long openFiles,
            long rssBeforeGcMb) {

        /**
         * A full collection ({@code jcmd GC.run}), the heap it left from the GC log, then VmRSS, threads and
         * descriptors. RSS once the collection's shrinking of the heap has reached it (G1 gives the memory back in
         * the background, within seconds): G1 grows the young generation with the machine's memory (750 MB
         * committed after the first minute here), so RSS under load says how far G1 let the heap grow, and RSS after
         * the collection what the process holds.
         */
        static Snapshot take(long pid) throws Exception {
            long rssBeforeGc = SoakPhase.rssMb(pid);
            long before = fullCollections().size();
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
            String said = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " GC.run: " + said);
            }
            // the GC log is written as the collection ends; wait for its line
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<Matcher> collections = fullCollections();
            while (collections.size() <= before && System.nanoTime() < deadline) {
                Thread.sleep(100);
                collections = fullCollections();
            }
            if (collections.size() <= before) {
                throw new IllegalStateException("no full collection in " + GC_LOG + " after jcmd GC.run");
            }
            Matcher last = collections.get(collections.size() - 1);
            // settled: less than 2 MB more or less over a second, or 30 s gone
            long rss = SoakPhase.rssMb(pid);
            for (int second = 0; second < 30; second++) {
                Thread.sleep(1_000);
                long now = SoakPhase.rssMb(pid);
                boolean settled = Math.abs(now - rss) < 2;
                rss = now;
                if (settled) {
                    break;
                }
            }
            return new Snapshot(rss, Long.parseLong(last.group(2)), Long.parseLong(last.group(3)),
                    SoakPhase.threads(pid), SoakPhase.openFiles(pid), rssBeforeGc);
        }

        private static List<Matcher> fullCollections() throws IOException {
            try (Stream<String> lines = Files.lines(GC_LOG)) {
                return lines.map(FULL_GC::matcher).filter(Matcher::find).toList();
            }
        }
    }

    private static long rssMb(long pid) throws IOException {
        return procStatus(pid, "VmRSS:") / 1024;
    }

    private static long threads(long pid) throws IOException {
        return procStatus(pid, "Threads:");
    }

    private static long procStatus(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(field + " not in /proc/" + pid + "/status");
    }

    private static long openFiles(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.count();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
