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
 * The chaos phase, run twice on the same scenario: 10,000 records (--quick: 1,000) through Kafka into a Dragoman of
 * its own while the {@link ChaosStandIn} answers 30% of calls with faults; once a third of the records are out,
 * Dragoman is killed with SIGKILL and started again; once two thirds are out, the provider is down for 10 s (--quick:
 * 3 s). The first run keeps the stream's default, at least once; the second, on fresh topics and a group of its own,
 * sets {@code dragoman.kafka.exactly-once = true} and reads the outputs as a {@code read_committed} consumer, which sees
 * only what committed transactions published. Each run prints, under its prefix ({@code chaos_}, then
 * {@code chaos_eos_}):
 * <ul>
 * <li>{@code lost}: records with neither an envelope nor a dead letter at the end (target 0);</li>
 * <li>{@code dead_letters} (target 0);</li>
 * <li>{@code duplicates}: envelopes beyond one per record, counted by the envelope's id. At least once, a kill means
 * the records in flight and those finished since the last commit are translated and published again (target: at most
 * max-in-flight); exactly once, a read_committed consumer must see none (target 0);</li>
 * <li>{@code records_per_s}: the records accounted for (all of them unless some are lost) ÷ {@code wall_s}, the
 * time from the first record sent to the last one accounted for (target for the first run: 500/s, ten times the
 * ~50/s of the stream that translated a poll at a time);</li>
 * <li>{@code working_s} and {@code records_per_working_s}: the wall time less the time the scenario itself holds
 * every record back (from the kill until the new process is ready, and the outage), and the records accounted for ÷
 * that: the stream's pace under the faults. At 500/s the whole run would take 20 s, of which the restart and the outage
 * take about 18 on this machine, so {@code records_per_s} measures the scenario more than the stream;</li>
 * <li>{@code provider_calls} and {@code provider_faults}: what the stand-in served.</li>
 * </ul>
 */
final class ChaosPhase {

    private static final Path DIR = Path.of("target", "bench", "chaos");

    /**
     * One run of the scenario: the prefix of its figures, the folder for its Dragoman's files, its topics and group,
     * and whether its Dragoman and its outputs' reader use transactions.
     */
    private record Run(String prefix, Path dir, Topics topics, String group, boolean exactlyOnce) {
    }

    private static final List<Run> RUNS = List.of(
            new Run("chaos", DIR, new Topics("chaos.text", "chaos.translations", "chaos.failed"), "chaos", false),
            // fresh topics and group: nothing the first run published or committed counts here
            new Run("chaos_eos", DIR.resolve("exactly-once"),
                    new Topics("chaos-eos.text", "chaos-eos.translations", "chaos-eos.failed"), "chaos-eos", true));

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
        Map<String, String> figures = new LinkedHashMap<>();
        for (Run run : RUNS) {
            figures.putAll(run(run));
        }
        return figures;
    }

    private Map<String, String> run(Run run) throws Exception {
        Files.createDirectories(run.dir());
        run.topics().create(brokers);
        String label = run.exactlyOnce() ? "chaos, exactly once" : "chaos";
        Map<String, String> figures = new LinkedHashMap<>();
        // a stand-in of its own: the same seeded faults, and calls counted for this run alone
        try (ChaosStandIn standIn = new ChaosStandIn(0.30);
             KafkaOutputs outputs = new KafkaOutputs(brokers, run.topics(), label, run.exactlyOnce())) {
            Path config = config(standIn, run);
            Bench.DragomanJvm first = Bench.DragomanJvm.start(config, run.dir().resolve("dragoman-1-gc.log"));
            first.awaitReady(Duration.ofSeconds(120));
            Bench.progress(label + ": " + records + " records, 30% faulty answers (Dragoman pid " + first.pid() + ")");
            long start = System.nanoTime();
            produce(run.topics());
            long limit = start + Duration.ofSeconds(120 + records / 20).toNanos();
            outputs.awaitAccounted(records / 3, limit);
            Bench.progress(label + ": " + outputs.distinct() + " out, killing Dragoman with SIGKILL");
            long killed = System.nanoTime();
            first.kill();
            try (Bench.DragomanJvm second = Bench.DragomanJvm.start(config, run.dir().resolve("dragoman-2-gc.log"))) {
                second.awaitReady(Duration.ofSeconds(120));
                long restarted = System.nanoTime();
                Bench.progress(label + ": Dragoman restarted (pid " + second.pid() + ")");
                outputs.awaitAccounted(2 * records / 3, limit);
                Bench.progress(label + ": " + outputs.distinct() + " out, provider down for " + downFor.toSeconds()
                        + " s");
                long down = System.nanoTime();
                standIn.down();
                Thread.sleep(downFor.toMillis());
                standIn.up();
                long up = System.nanoTime();
                Bench.progress(label + ": provider up again");
                outputs.awaitAccounted(records, limit);
                long end = System.nanoTime();
                int accounted = outputs.accounted();
                // dead letters and late duplicates still on their way
                outputs.drain(Duration.ofSeconds(5));
                String prefix = run.prefix() + "_";
                figures.put(prefix + "lost", String.valueOf(records - outputs.accounted()));
                figures.put(prefix + "dead_letters", String.valueOf(outputs.deadLetters.get()));
                figures.put(prefix + "duplicates", String.valueOf(outputs.envelopes.get() - outputs.distinct()));
                figures.put(prefix + "records_per_s", String.format("%.1f", accounted / ((end - start) / 1e9)));
                figures.put(prefix + "wall_s", String.format("%.1f", (end - start) / 1e9));
                // the wall less what the scenario takes away: no process from the kill until the new one is ready,
                // no provider for the outage
                double working = ((killed - start) + (down - restarted) + (end - up)) / 1e9;
                figures.put(prefix + "working_s", String.format("%.1f", working));
                figures.put(prefix + "records_per_working_s", String.format("%.1f", accounted / working));
                figures.put(prefix + "provider_calls", String.valueOf(standIn.requests.get()));
                figures.put(prefix + "provider_faults", String.valueOf(standIn.faults.get()));
            }
        }
        return figures;
    }

    private void produce(Topics topics) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topics.input(), "k" + i % 97,
                        "{\"text\":\"Chaos Zeile " + i + "\",\"id\":\"c-" + i + "\"}"));
            }
        }
    }

    /**
     * A user's DRAGOMAN_CONFIG file: one instance of 8 keys on the misbehaving stand-in, the Kafka stream on, with its
     * defaults but for the session timeout and, in the second run, exactly once.
     */
    private Path config(ChaosStandIn standIn, Run run) throws IOException {
        Map<String, String> p = config(standIn, run.dir(), brokers, run.topics(), run.group());
        // the killed process's partitions go to its successor after this, not after the default 45 s
        p.put("dragoman.kafka.session-timeout", "10000");
        p.put("dragoman.kafka.exactly-once", String.valueOf(run.exactlyOnce()));
        return Bench.writeConfig(run.dir().resolve("dragoman-chaos.properties"), p);
    }

    /**
     * The configuration a Dragoman on the {@link ChaosStandIn} starts from (the chaos and soak phases add theirs): one
     * instance {@code chaos} of 8 keys x 4 in flight, the default batches (the records waiting at one time go in one
     * call, as users run it; a fault fails the whole call), the file drop in {@code dir}, no translation memory, the
     * Kafka stream on the topics.
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
