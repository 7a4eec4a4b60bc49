package dev.dragoman.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import kafka.testkit.KafkaClusterTestKit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.dragoman.support.KafkaBroker;

/**
 * The benchmark driver ({@code bench/run}): a real in-JVM KRaft broker, the {@link StandIn} provider, and Dragoman's
 * jar in a JVM of its own with a bench configuration (the system property {@code bench.jar}, target/dragoman.jar by
 * default: {@code bench/run --compare} runs another revision's jar under this same harness); then the phases, each
 * printing its figures as {@code name value} lines on standard output (progress goes to standard error).
 * <ol>
 * <li>overhead: the same requests straight to the stand-in (20 ms) and through {@code POST /translate}, alternating
 * in rounds at concurrency 64 (--concurrency); overhead = Dragoman's percentile minus direct's, and
 * {@code cpu_ms_per_request} the Dragoman JVM's CPU time over its rounds per request;</li>
 * <li>saturation: one file drop through 4 keys x 8 in flight, 200 ms, the stand-in answering 429 beyond 8 per key;</li>
 * <li>kafka: records in, translated (0 ms), envelopes out, on a real broker; {@code kafka_cpu_ms_per_record} the
 * Dragoman JVM's CPU time per record, {@code kafka_bench_cpu_ms_per_record} this JVM's (broker, producer, consumer,
 * stand-in): on two cores their sum bounds the rate; {@code kafka_provider_calls} the calls the stand-in answered;</li>
 * <li>file-heap: a 1,000,000-line file through a Dragoman of its own ({@link FileHeapPhase});</li>
 * <li>chaos: 10,000 records through a Dragoman of its own, killed once, against a provider that misbehaves and
 * goes down; then the same again with exactly-once on, its outputs read committed ({@link ChaosPhase});</li>
 * <li>cost: a 1,000-line document line by line and then with batches and the translation memory, each through a
 * Dragoman of its own, requests and prompt tokens counted by the provider ({@link CostPhase});</li>
 * <li>formats: a generated document of about 2,000 segments in each format read through Okapi (PO, XLIFF 1.2 and
 * 2.0, JSON, YAML, properties, Markdown, HTML, SRT, WebVTT, DOCX) through a Dragoman of its own on a stand-in that
 * keeps every marker and placeholder: segments per second per format, and the round-trip faults its checks find in
 * the outputs ({@link FormatsPhase});</li>
 * <li>replicas: three Dragoman processes on one key whose stand-in enforces its concurrency and rpm with 429s, with
 * the key's budget shared through PostgreSQL and then without: the 429s, and the calls as a share of the key's rpm
 * ({@link ReplicasPhase});</li>
 * <li>soak: a Dragoman of its own for --soak-minutes (30) at a steady rate through HTTP, the file drop and Kafka
 * together, against a provider that answers 5% of the calls with a fault and is down for 20 s around the middle:
 * translations per second and HTTP p99 per minute, RSS, heap after a full collection, threads and open files at the
 * start and the end, texts lost ({@link SoakPhase}). Not with --quick unless named in --phases.</li>
 * </ol>
 * The broker, the {@link StandIn} and the shared Dragoman start only for the phases that use them (overhead,
 * saturation, kafka, chaos); file-heap, cost, formats, replicas and soak start their own. The shared Dragoman's memory: its heap
 * ({@link HeapSampler} and the GC log: {@code heap_peak_mb}, {@code heap_old_peak_mb}) and its resident memory
 * (VmRSS, which holds metaspace, code, thread stacks and direct buffers too): {@code rss_idle_mb} once it has sat ready
 * and idle for 5 s, {@code rss_load_mb} the peak under the overhead load ({@link RssSampler}), {@code rss_end_mb} at
 * the end of the shared phases. With {@code --profile PHASE --profile-event cpu|alloc} (bench/run --profile), a
 * {@link Profiler} samples the shared Dragoman over PHASE's measured part.
 * Every wait is bounded; everything talks to 127.0.0.1 only. These phases measure the provider calls themselves, so
 * their Dragoman runs without a translation memory (the phases repeat texts, and a memory file in the project folder
 * would answer them from an earlier run) and sends one text a call ({@code batch-lines = 1}) but on the Kafka
 * stream's instance, which batches as shipped (the {@link StandIn} answers a batch with as many canned translations).
 */
public final class Bench {

    private static final Path DIR = Path.of("target", "bench");
    private static final Path GC_LOG = DIR.resolve("dragoman-gc.log");
    /** In a line of -Xlog:gc, "… Pause Young (Normal) (G1 Evacuation Pause) 120M->25M(256M) 4.1ms": used before. */
    private static final Pattern GC_LINE = Pattern.compile(" (\\d+)M->\\d+M\\(\\d+M\\)");

    private record Sizes(int warmup, int rounds, int perRound, int segments, int records) {
    }

    private static final Sizes FULL = new Sizes(60_000, 10, 1_000, 3_200, 50_000);
    private static final Sizes QUICK = new Sizes(200, 2, 100, 160, 1_000);

    private final Sizes sizes;
    private final List<String> phases;
    private final int concurrency;
    /** The phase and the event that bench/run --profile asks for, or null. */
    private final String profilePhase;
    private final String profileEvent;
    private final Map<String, String> figures = new LinkedHashMap<>();
    /** --soak-minutes: how long the soak phase runs. */
    private static int soakMinutes = 30;
    /** On the shared Dragoman, when a phase is profiled. */
    private Profiler profiler;

    private Bench(Sizes sizes, List<String> phases, int concurrency, String profilePhase, String profileEvent) {
        this.sizes = sizes;
        this.phases = phases;
        this.concurrency = concurrency;
        this.profilePhase = profilePhase;
        this.profileEvent = profileEvent;
    }

    /**
     * {@code [--quick] [--phases overhead,saturation,kafka,file-heap,chaos,cost,formats,replicas,soak] [--concurrency 64]
     * [--soak-minutes 30] [--profile overhead|saturation|kafka --profile-event cpu|alloc]}; the jar from the system
     * property {@code bench.jar}, async-profiler's library from {@code bench.profiler}.
     */
    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        boolean quick = arguments.contains("--quick");
        int phases = arguments.indexOf("--phases");
        int concurrency = arguments.indexOf("--concurrency");
        int soak = arguments.indexOf("--soak-minutes");
        soakMinutes = soak >= 0 ? SoakPhase.minutes(args[soak + 1]) : soakMinutes;
        int profile = arguments.indexOf("--profile");
        int event = arguments.indexOf("--profile-event");
        boolean complete = new Bench(quick ? QUICK : FULL, phases >= 0 ? Arrays.asList(args[phases + 1].split(","))
                : List.of("overhead", "saturation", "kafka", "file-heap", "chaos", "cost", "formats", "replicas", "soak")
                        .stream()
                        .filter(phase -> !(quick && phase.equals("soak"))).toList(),
                concurrency >= 0 ? Integer.parseInt(args[concurrency + 1]) : 64,
                profile >= 0 ? args[profile + 1] : null, event >= 0 ? args[event + 1] : "cpu").run();
        // the broker and the client pools leave non-daemon threads behind
        System.exit(complete ? 0 : 1);
    }

    /**
     * False when the harness itself did not work (a request unanswered, a record missing): the figures are then not
     * to be trusted. Missing a target is not a failure; the figures say so.
     */
    private boolean run() throws Exception {
        long started = System.nanoTime();
        deleteTree(DIR.resolve("data"));
        Files.deleteIfExists(GC_LOG);
        for (String folder : List.of("inbox", "outbox", "failed")) {
            Files.createDirectories(DIR.resolve("data").resolve(folder));
        }
        if (phases.stream().anyMatch(List.of("overhead", "saturation", "kafka", "chaos")::contains)) {
            shared();
        }
        if (phases.contains("file-heap")) {
            figures.putAll(new FileHeapPhase(sizes == QUICK).run());
        }
        if (phases.contains("cost")) {
            figures.putAll(new CostPhase(sizes == QUICK).run());
        }
        if (phases.contains("formats")) {
            figures.putAll(new FormatsPhase(sizes == QUICK).run());
        }
        if (phases.contains("replicas")) {
            figures.putAll(new ReplicasPhase(sizes == QUICK).run());
        }
        if (phases.contains("soak")) {
            figures.putAll(new SoakPhase(soakMinutes).run());
        }
        figures.put("bench_seconds", String.format("%.0f", (System.nanoTime() - started) / 1e9));
        figures.forEach((name, value) -> System.out.println(name + " " + value));
        List<String> broken = new ArrayList<>();
        if (!"0".equals(figures.getOrDefault("overhead_errors", "0"))) {
            broken.add("overhead requests failed");
        }
        if (phases.contains("chaos")
                && !(figures.containsKey("chaos_lost") && figures.containsKey("chaos_eos_lost"))) {
            broken.add("the chaos phase did not finish");
        }
        if (phases.contains("soak") && !figures.containsKey("soak_lost")) {
            broken.add("the soak phase did not finish");
        }
        if (phases.contains("cost") && (!"0".equals(figures.get("cost_lines_wrong"))
                || !figures.get("cost_lines").equals(figures.get("cost_line_texts_sent")))) {
            broken.add("cost: lines missing, not their source's translation, or sent more than once");
        }
        if (phases.contains("kafka") && Long.parseLong(figures.get("kafka_out"))
                + Long.parseLong(figures.get("kafka_dead_letters")) < sizes.records()) {
            broken.add("Kafka records missing");
        }
        // a fault in an output is a figure (formats_faults); an output that never came is the harness's problem
        if (phases.contains("formats") && !"0".equals(figures.get("formats_missing"))) {
            broken.add("formats: a document came out neither in the outbox nor in the failed folder");
        }
        broken.forEach(problem -> progress("the harness did not work: " + problem));
        return broken.isEmpty();
    }

    /** The phases on the shared broker, stand-in and Dragoman: overhead, saturation, kafka, then chaos. */
    private void shared() throws Exception {
        progress("starting a KRaft broker");
        try (KafkaClusterTestKit broker = KafkaBroker.startCluster();
             StandIn standIn = new StandIn(512);
             DragomanJvm dragoman = DragomanJvm.start(config(broker.bootstrapServers(), standIn), GC_LOG,
                     profilePhase == null ? new String[0] : Profiler.JVM_OPTIONS.toArray(String[]::new))) {
            createTopics(broker.bootstrapServers());
            dragoman.awaitReady(Duration.ofSeconds(120));
            if (profilePhase != null) {
                profiler = new Profiler(profilePhase, profileEvent, Path.of(System.getProperty("bench.profiler")),
                        dragoman.pid());
            }
            progress("Dragoman is up (pid " + dragoman.pid() + "), idle for 5 s");
            // what it holds once start-up's work (class loading, the JIT's first compilations) has settled
            Thread.sleep(5_000);
            long rssIdleMb = dragoman.rssMb();
            long rssLoadMb = -1;
            if (phases.contains("overhead")) {
                try (RssSampler rss = new RssSampler(dragoman)) {
                    overhead(dragoman, standIn);
                    rssLoadMb = rss.peakMb();
                }
            }
            if (phases.contains("saturation")) {
                saturation(standIn);
            }
            if (phases.contains("kafka")) {
                // no warm-up to leave out: the whole phase is measured
                try (AutoCloseable profiled = measured("kafka")) {
                    kafka(broker.bootstrapServers(), standIn, dragoman);
                }
            }
            figures.put("heap_peak_mb", String.valueOf(Math.max(dragoman.heap.peakMb(), peakBeforeGcMb(GC_LOG))));
            figures.put("heap_old_peak_mb", String.valueOf(dragoman.heap.peakOldMb()));
            figures.put("rss_idle_mb", String.valueOf(rssIdleMb));
            if (rssLoadMb >= 0) {
                figures.put("rss_load_mb", String.valueOf(rssLoadMb));
            }
            figures.put("rss_end_mb", String.valueOf(dragoman.rssMb()));
            if (phases.contains("chaos")) {
                dragoman.close();
                figures.putAll(new ChaosPhase(sizes == QUICK, broker.bootstrapServers()).run());
            }
        }
    }

    // --- phases ---------------------------------------------------------------------------------------------------

    private void overhead(DragomanJvm dragoman, StandIn standIn) throws Exception {
        URI direct = URI.create(standIn.url(20, 0) + "/chat/completions");
        String directBody = "{\"model\":\"bench\",\"messages\":[{\"role\":\"system\","
                + "\"content\":\"You are a translation engine. Translate the text into English.\"},"
                + "{\"role\":\"user\",\"content\":\"Hallo Welt\"}]}";
        URI through = URI.create("http://127.0.0.1:" + dragoman.port + "/translate");
        String throughBody = "{\"text\":\"Hallo Welt\",\"provider\":\"ovh\"}";
        List<long[]> directRounds = new ArrayList<>();
        List<long[]> throughRounds = new ArrayList<>();
        try (LoadGenerator load = new LoadGenerator(concurrency)) {
            progress("overhead: warm-up, " + sizes.warmup() + " requests each way");
            load.run(direct, directBody, sizes.warmup());
            load.run(through, throughBody, sizes.warmup());
            long warmupErrors = load.errors.getAndSet(0);
            long dragomanCpu = 0;
            long benchCpu = 0;
            try (AutoCloseable profiled = measured("overhead")) {
                for (int round = 0; round < sizes.rounds(); round++) {
                    directRounds.add(load.run(direct, directBody, sizes.perRound()));
                    long dragomanBefore = dragoman.cpuNanos();
                    long benchBefore = benchCpuNanos();
                    throughRounds.add(load.run(through, throughBody, sizes.perRound()));
                    dragomanCpu += dragoman.cpuNanos() - dragomanBefore;
                    benchCpu += benchCpuNanos() - benchBefore;
                    progress(String.format("overhead: round %d: p50 direct %.2f ms, Dragoman %.2f ms", round + 1,
                            LoadGenerator.percentileMillis(directRounds.get(round), 50),
                            LoadGenerator.percentileMillis(throughRounds.get(round), 50)));
                }
            }
            long[] d = merge(directRounds);
            long[] t = merge(throughRounds);
            double seconds = LongStream.of(t).sum() / 1e9 / concurrency;
            figures.put("overhead_p50_ms", format(LoadGenerator.percentileMillis(t, 50)
                    - LoadGenerator.percentileMillis(d, 50)));
            figures.put("overhead_p99_ms", format(LoadGenerator.percentileMillis(t, 99)
                    - LoadGenerator.percentileMillis(d, 99)));
            figures.put("direct_p50_ms", format(LoadGenerator.percentileMillis(d, 50)));
            figures.put("direct_p99_ms", format(LoadGenerator.percentileMillis(d, 99)));
            figures.put("dragoman_p50_ms", format(LoadGenerator.percentileMillis(t, 50)));
            figures.put("dragoman_p99_ms", format(LoadGenerator.percentileMillis(t, 99)));
            figures.put("overhead_requests", String.valueOf(t.length));
            figures.put("dragoman_req_per_s", String.format("%.0f", t.length / seconds));
            // where the CPU goes while Dragoman serves: its own JVM, and the load generator with the stand-in
            figures.put("cpu_ms_per_request", String.format("%.3f", dragomanCpu / 1e6 / t.length));
            figures.put("bench_cpu_ms_per_req", String.format("%.3f", benchCpu / 1e6 / t.length));
            figures.put("overhead_errors", String.valueOf(load.errors.get() + warmupErrors));
        }
    }

    private void saturation(StandIn standIn) throws Exception {
        int segments = sizes.segments();
        progress("saturation: one file of " + segments + " lines, 4 keys x 8 in flight, 200 ms");
        Path file = DIR.resolve("data").resolve("saturation.txt");
        Files.write(file, LongStream.range(0, segments).mapToObj(i -> "Zeile " + i + " des Textes")
                .collect(Collectors.toList()), StandardCharsets.UTF_8);
        Path out = DIR.resolve("data/outbox/saturation.txt");
        Path failed = DIR.resolve("data/failed/saturation.txt");
        standIn.reset();
        long dropped;
        long done;
        try (AutoCloseable profiled = measured("saturation")) {
            dropped = System.nanoTime();
            Files.move(file, DIR.resolve("data/inbox/saturation.txt"), StandardCopyOption.ATOMIC_MOVE);
            // ideal time plus a generous margin for 429 cool-downs
            long deadline = dropped + Duration.ofSeconds(60 + segments / 160 * 4L).toNanos();
            while (!Files.exists(out) && !Files.exists(failed) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            done = System.nanoTime();
        }
        long translated = Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .filter(StandIn.translation(200, 8)::equals).count() : 0;
        double ideal = 4 * 8 / 0.2;
        double seconds = (done - standIn.firstRequest.get()) / 1e9;
        figures.put("saturation_ratio", format(translated / seconds / ideal));
        figures.put("saturation_failed", String.valueOf(segments - translated));
        figures.put("saturation_429", String.valueOf(standIn.tooMany.get()));
        figures.put("saturation_provider_calls", String.valueOf(standIn.requests.get()));
        figures.put("saturation_per_s", format(translated / seconds));
        figures.put("saturation_wall_s", format((done - dropped) / 1e9));
    }

    private void kafka(String brokers, StandIn standIn, DragomanJvm dragoman) throws Exception {
        int records = sizes.records();
        progress("kafka: " + records + " records in, translated (0 ms), out");
        standIn.reset();
        long dragomanBefore = dragoman.cpuNanos();
        long benchBefore = benchCpuNanos();
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.text", "k" + i,
                        "{\"text\":\"Hallo Welt " + i + "\",\"provider\":\"fast\"}"));
            }
        }
        long produced = System.nanoTime();
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProperties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        long out = 0;
        long dead = 0;
        long deadline = start + Duration.ofSeconds(60 + records / 500).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties,
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of("bench.translations", "bench.failed")) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long lastProgress = System.nanoTime();
            while (out + dead < records && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.topic().equals("bench.failed")) {
                        dead++;
                    } else {
                        out++;
                    }
                }
                if (System.nanoTime() - lastProgress > 5e9) {
                    lastProgress = System.nanoTime();
                    progress("kafka: " + out + " out, " + dead + " dead letters");
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        figures.put("kafka_msgs_per_s", String.format("%.0f", out / seconds));
        // what a record costs the Dragoman JVM, and this one (the broker, the producer, the consumer, the stand-in)
        figures.put("kafka_cpu_ms_per_record",
                String.format("%.3f", (dragoman.cpuNanos() - dragomanBefore) / 1e6 / records));
        figures.put("kafka_bench_cpu_ms_per_record",
                String.format("%.3f", (benchCpuNanos() - benchBefore) / 1e6 / records));
        figures.put("kafka_out", String.valueOf(out));
        figures.put("kafka_dead_letters", String.valueOf(dead));
        figures.put("kafka_produce_s", format((produced - start) / 1e9));
        figures.put("kafka_provider_calls", String.valueOf(standIn.requests.get()));
    }

    /** Profiles what runs until closed when bench/run --profile names this phase; otherwise does nothing. */
    private AutoCloseable measured(String phase) throws Exception {
        if (profiler == null || !profiler.phase.equals(phase)) {
            return () -> { };
        }
        profiler.start();
        return profiler::stop;
    }

    // --- set-up ---------------------------------------------------------------------------------------------------

    private static void createTopics(String brokers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic("bench.text", 4, (short) 1),
                    new NewTopic("bench.translations", 4, (short) 1),
                    new NewTopic("bench.failed", 1, (short) 1))).all().get();
        }
    }

    /** The bench configuration, as a user's DRAGOMAN_CONFIG file: three instances on the stand-in. */
    private static Path config(String brokers, StandIn standIn) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.port", String.valueOf(freePort()));
        // the file drop uses the first instance (fallback); HTTP and Kafka name theirs
        p.put("dragoman.providers", "sat, ovh, fast");
        instance(p, "sat", standIn.url(200, 8), 4, 8);
        instance(p, "ovh", standIn.url(20, 0), 8, 8);
        instance(p, "fast", standIn.url(0, 0), 4, 8);
        // the Kafka stream's records go in batches, as with the shipped batch-lines
        p.remove("dragoman.provider.fast.batch-lines");
        p.put("dragoman.file.inbox", DIR.resolve("data/inbox").toAbsolutePath().toString());
        p.put("dragoman.file.outbox", DIR.resolve("data/outbox").toAbsolutePath().toString());
        p.put("dragoman.file.failed", DIR.resolve("data/failed").toAbsolutePath().toString());
        p.put("dragoman.kafka.brokers", brokers);
        p.put("dragoman.kafka.input", "bench.text");
        p.put("dragoman.kafka.output", "bench.translations");
        p.put("dragoman.kafka.dead-letter", "bench.failed");
        p.put("dragoman.kafka.group", "bench");
        p.put("dragoman.memory.enabled", "false");
        return writeConfig(DIR.resolve("dragoman-bench.properties"), p);
    }

    /** Writes a Dragoman configuration as a user's DRAGOMAN_CONFIG file. */
    static Path writeConfig(Path file, Map<String, String> properties) throws IOException {
        Files.writeString(file, properties.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "# written by bench/run\n", "\n")));
        return file;
    }

    private static void instance(Map<String, String> p, String name, String url, int keys, int concurrency) {
        String prefix = "dragoman.provider." + name + ".";
        p.put(prefix + "url", url);
        p.put(prefix + "dialect", "openai");
        p.put(prefix + "model", "bench");
        p.put(prefix + "keys", LongStream.rangeClosed(1, keys).mapToObj(k -> name + "-key-" + k)
                .collect(Collectors.joining("|")));
        p.put(prefix + "concurrency", String.valueOf(concurrency));
        p.put(prefix + "batch-lines", "1");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- the Dragoman JVM -----------------------------------------------------------------------------------------

    /**
     * {@code java -jar} on the jar named by the system property {@code bench.jar} (default target/dragoman.jar), as
     * users run it, with DRAGOMAN_CONFIG set. It runs in a folder of its own ({@link #WORKING_DIRECTORY}), not in
     * the project directory, whose application.properties and routes/*.yaml would override those in the jar: under
     * {@code bench/run --compare} another revision's jar must run with its own.
     */
    static final class DragomanJvm implements AutoCloseable {

        static final Path WORKING_DIRECTORY = DIR.resolve("dragoman-cwd");

        private final Process process;
        final int port;
        final HeapSampler heap;

        private DragomanJvm(Process process, int port) throws IOException {
            this.process = process;
            this.port = port;
            this.heap = new HeapSampler(process.pid());
        }

        static DragomanJvm start(Path config, Path gcLog, String... javaOptions) throws IOException {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(config)) {
                p.load(in);
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // the shipped start's options (jvm.options), unless BENCH_DRAGOMAN_JAVA_OPTS says otherwise
            String options = System.getenv("BENCH_DRAGOMAN_JAVA_OPTS");
            if (options == null) {
                command.add("@" + Path.of("jvm.options").toAbsolutePath());
            } else if (!options.isBlank()) {
                command.addAll(Arrays.asList(options.trim().split("\\s+")));
            }
            // the heap before each collection, exactly: the sampler below can miss a peak between two samples
            command.add("-Xlog:gc:file=" + gcLog.toAbsolutePath());
            command.addAll(List.of(javaOptions));
            command.addAll(List.of("-jar", Path.of(System.getProperty("bench.jar", "target/dragoman.jar"))
                    .toAbsolutePath().toString()));
            Files.createDirectories(WORKING_DIRECTORY);
            // the console next to the GC log: every Dragoman of the bench keeps its own
            ProcessBuilder builder = new ProcessBuilder(command).directory(WORKING_DIRECTORY.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(gcLog.resolveSibling(gcLog.getFileName().toString().replace("gc.log", "console.log"))
                            .toFile());
            builder.environment().put("DRAGOMAN_CONFIG", config.toAbsolutePath().toString());
            // as bin/run and the image start it (jvm.options says why), unless the bench's own environment says
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            return new DragomanJvm(builder.start(), Integer.parseInt(p.getProperty("camel.server.port")));
        }

        long pid() {
            return process.pid();
        }

        long cpuNanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        /** The process's resident memory (VmRSS): heap, metaspace, code cache, thread stacks, direct buffers. */
        long rssMb() {
            try (var lines = Files.lines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
                        .map(line -> Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0)).orElse(0L);
            } catch (IOException | java.io.UncheckedIOException gone) {
                return 0;
            }
        }

        void awaitReady(Duration limit) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Dragoman exited; see its console log in " + DIR);
                }
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/providers")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("Dragoman did not start within " + limit);
        }

        /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is lost to this process. */
        void kill() throws InterruptedException {
            heap.close();
            process.destroyForcibly().waitFor();
        }

        @Override
        public void close() throws Exception {
            heap.close();
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * Samples the Dragoman JVM's used heap every 100 ms with {@code jstat -gc} (read from the JVM's perf data, no
     * attach): the peak of survivor + eden + old used, and the peak of old used alone (what survives collections).
     */
    static final class HeapSampler implements AutoCloseable {

        private final Process jstat;
        private final Thread reader;
        private final AtomicLong peakKb = new AtomicLong();
        private final AtomicLong peakOldKb = new AtomicLong();

        HeapSampler(long pid) throws IOException {
            Path jstatBinary = Path.of(System.getProperty("java.home"), "bin", "jstat");
            jstat = new ProcessBuilder(jstatBinary.toString(), "-gc", String.valueOf(pid), "100")
                    .redirectErrorStream(true).start();
            reader = new Thread(this::read, "heap-sampler");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                    StandardCharsets.UTF_8))) {
                List<String> header = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    List<String> columns = Arrays.asList(line.trim().split("\\s+"));
                    if (columns.contains("EU")) {
                        header = columns;
                    } else if (header != null && columns.size() == header.size()) {
                        double old = value(header, columns, "OU");
                        double used = value(header, columns, "S0U") + value(header, columns, "S1U")
                                + value(header, columns, "EU") + old;
                        peakKb.accumulateAndGet((long) used, Math::max);
                        peakOldKb.accumulateAndGet((long) old, Math::max);
                    }
                }
            } catch (IOException | RuntimeException ended) {
                // the JVM went away
            }
        }

        private static double value(List<String> header, List<String> columns, String name) {
            return Double.parseDouble(columns.get(header.indexOf(name)));
        }

        long peakMb() {
            return Math.round(peakKb.get() / 1024.0);
        }

        long peakOldMb() {
            return Math.round(peakOldKb.get() / 1024.0);
        }

        @Override
        public void close() {
            jstat.destroy();
        }
    }

    /** The Dragoman JVM's peak resident memory, read every 100 ms while open (jstat sees only the heap). */
    static final class RssSampler implements AutoCloseable {

        private final AtomicLong peakMb = new AtomicLong();
        private final Thread sampler;

        RssSampler(DragomanJvm dragoman) {
            sampler = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        peakMb.accumulateAndGet(dragoman.rssMb(), Math::max);
                        Thread.sleep(100);
                    }
                } catch (InterruptedException closed) {
                    // the load is over
                }
            }, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        long peakMb() {
            return peakMb.get();
        }

        @Override
        public void close() throws InterruptedException {
            sampler.interrupt();
            sampler.join();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** The largest used heap just before a collection, from Dragoman's GC log. */
    static long peakBeforeGcMb(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return 0;
        }
        try (var lines = Files.lines(gcLog)) {
            return lines.map(GC_LINE::matcher).filter(Matcher::find).mapToLong(m -> Long.parseLong(m.group(1)))
                    .max().orElse(0);
        }
    }

    private static long benchCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long[] merge(List<long[]> rounds) {
        long[] all = rounds.stream().flatMapToLong(LongStream::of).toArray();
        Arrays.sort(all);
        return all;
    }

    private static String format(double value) {
        return String.format("%.2f", value);
    }

    static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
