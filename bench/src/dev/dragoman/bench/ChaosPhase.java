package dev.dragoman.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The chaos phase: 10,000 records (--quick: 1,000) through Kafka into a Dragoman of its own while the
 * {@link ChaosStandIn} answers 30% of calls with faults; once a third of the records are out, Dragoman is killed with
 * SIGKILL and started again; once two thirds are out, the provider is down for 10 s (--quick: 3 s). Prints
 * {@code chaos_lost} (records with neither an envelope nor a dead letter at the end; target 0),
 * {@code chaos_dead_letters} (target 0), {@code chaos_duplicates} (envelopes beyond one per record: a crash means a
 * batch is translated again, at least once is the contract) and {@code chaos_wall_s} (first record sent to the last
 * one out), with the provider calls and faults behind them.
 */
final class ChaosPhase {

    private static final Path DIR = Path.of("target", "bench", "chaos");
    private static final Topics TOPICS = new Topics("chaos.text", "chaos.translations", "chaos.failed");

    private final int records;
    private final Duration downFor;
    private final String brokers;

    ChaosPhase(boolean quick, String brokers) {
        this.records = quick ? 1_000 : 10_000;
        this.downFor = Duration.ofSeconds(quick ? 3 : 10);
        this.brokers = brokers;
    }

    Map<String, String> run() throws Exception {
        Bench.deleteTree(DIR);
        Files.createDirectories(DIR);
        TOPICS.create(brokers);
        Map<String, String> figures = new LinkedHashMap<>();
        try (ChaosStandIn standIn = new ChaosStandIn(0.30);
             KafkaOutputs outputs = new KafkaOutputs(brokers, TOPICS, "chaos")) {
            Path config = config(standIn);
            Bench.DragomanJvm first = Bench.DragomanJvm.start(config, DIR.resolve("dragoman-1-gc.log"));
            first.awaitReady(Duration.ofSeconds(120));
            Bench.progress("chaos: " + records + " records, 30% faulty answers (Dragoman pid " + first.pid() + ")");
            long start = System.nanoTime();
            produce();
            long limit = start + Duration.ofSeconds(120 + records / 20).toNanos();
            outputs.awaitAccounted(records / 3, limit);
            Bench.progress("chaos: " + outputs.distinct() + " out, killing Dragoman with SIGKILL");
            first.kill();
            try (Bench.DragomanJvm second = Bench.DragomanJvm.start(config, DIR.resolve("dragoman-2-gc.log"))) {
                second.awaitReady(Duration.ofSeconds(120));
                Bench.progress("chaos: Dragoman restarted (pid " + second.pid() + ")");
                outputs.awaitAccounted(2 * records / 3, limit);
                Bench.progress("chaos: " + outputs.distinct() + " out, provider down for " + downFor.toSeconds() + " s");
                standIn.down();
                Thread.sleep(downFor.toMillis());
                standIn.up();
                Bench.progress("chaos: provider up again");
                outputs.awaitAccounted(records, limit);
                long end = System.nanoTime();
                // dead letters and late duplicates still on their way
                outputs.drain(Duration.ofSeconds(5));
                figures.put("chaos_lost", String.valueOf(records - outputs.accounted()));
                figures.put("chaos_dead_letters", String.valueOf(outputs.deadLetters.get()));
                figures.put("chaos_duplicates", String.valueOf(outputs.envelopes.get() - outputs.distinct()));
                figures.put("chaos_wall_s", String.format("%.1f", (end - start) / 1e9));
                figures.put("chaos_provider_calls", String.valueOf(standIn.requests.get()));
                figures.put("chaos_provider_faults", String.valueOf(standIn.faults.get()));
            }
        }
        return figures;
    }

    private void produce() throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(TOPICS.input(), "k" + i % 97,
                        "{\"text\":\"Chaos Zeile " + i + "\",\"id\":\"c-" + i + "\"}"));
            }
        }
    }

    /** A user's DRAGOMAN_CONFIG file: one instance of 8 keys on the misbehaving stand-in, the Kafka stream on. */
    private Path config(ChaosStandIn standIn) throws IOException {
        Map<String, String> p = config(standIn, DIR, brokers, TOPICS, "chaos");
        // a batch is as slow as its unluckiest record (a few retries with backoff): larger batches keep the pool busy
        p.put("dragoman.kafka.max-poll-records", "500");
        // the killed process's partitions go to its successor after this, not after the default 45 s
        p.put("dragoman.kafka.session-timeout", "10000");
        return Bench.writeConfig(DIR.resolve("dragoman-chaos.properties"), p);
    }

    /**
     * The configuration a Dragoman on the {@link ChaosStandIn} starts from (the chaos and soak phases add theirs): one
     * instance {@code chaos} of 8 keys x 4 in flight, one text a call, the file drop in {@code dir}, no translation
     * memory, the Kafka stream on the topics.
     */
    static Map<String, String> config(ChaosStandIn standIn, Path dir, String brokers, Topics topics, String group)
            throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.port", String.valueOf(Bench.freePort()));
        p.put("dragoman.providers", "chaos");
        p.put("dragoman.provider.chaos.url", standIn.url());
        p.put("dragoman.provider.chaos.dialect", "openai");
        p.put("dragoman.provider.chaos.model", "chaos");
        p.put("dragoman.provider.chaos.keys", IntStream.rangeClosed(1, 8)
                .mapToObj(k -> "chaos-key-" + k).collect(Collectors.joining("|")));
        p.put("dragoman.provider.chaos.concurrency", "4");
        // its stand-in answers one text a call: the phases measure faults, not batches
        p.put("dragoman.provider.chaos.batch-lines", "1");
        for (String folder : new String[] { "inbox", "outbox", "failed" }) {
            p.put("dragoman.file." + folder, dir.resolve(folder).toAbsolutePath().toString());
        }
        p.put("dragoman.memory.enabled", "false");
        p.put("dragoman.kafka.brokers", brokers);
        p.put("dragoman.kafka.input", topics.input());
        p.put("dragoman.kafka.output", topics.output());
        p.put("dragoman.kafka.dead-letter", topics.dead());
        p.put("dragoman.kafka.group", group);
        return p;
    }

    /** A phase's Kafka topics: its input (4 partitions), output (4) and dead letters (1). */
    record Topics(String input, String output, String dead) {

        void create(String brokers) throws Exception {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
                admin.createTopics(List.of(new NewTopic(input, 4, (short) 1), new NewTopic(output, 4, (short) 1),
                        new NewTopic(dead, 1, (short) 1))).all().get();
            }
        }
    }
}
