package dev.dragoman.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.dragoman.support.DragomanProcess;
import dev.dragoman.support.StubServers;
import dev.dragoman.support.KafkaBroker;
import dev.dragoman.support.KafkaTestSupport;
import dev.dragoman.support.KafkaTopics;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.dragoman.support.KafkaTestSupport.awaitRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dragoman processes (JVMs of their own) on one consumer group: one killed mid-stream loses nothing and redoes at
 * most its records in flight and one commit interval's worth (none with exactly-once), and several share the input
 * partitions, the survivors taking over from one that stops; one with a name of its own in the group takes its
 * partitions back as soon as it is restarted, and hands them over at once when it stops if it is to leave the group.
 */
class KafkaProcessesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int KILL_RECORDS = 5000;
    static final int MAX_IN_FLIGHT = 64;
    static final long COMMIT_INTERVAL_MS = 1000;
    /** A commit goes out when its interval is over and is taken a round trip later. */
    static final long COMMIT_SLACK_MS = 500;

    @RegisterExtension
    static KafkaBroker broker = new KafkaBroker();

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @TempDir
    Path dir;

    @Test
    void should_redo_at_most_the_records_in_flight_and_one_commit_interval_after_kill_9() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(200)));
        KafkaTopics topics = KafkaTopics.create(3);
        KafkaBroker.send(records(topics, "crash", KILL_RECORDS));
        Map<String, String> settings = settings(topics, "first");
        settings.put("dragoman.kafka.max-in-flight", String.valueOf(MAX_IN_FLIGHT));

        long killedAt = runAndKill(DragomanProcess.start("crash-first", settings), topics);
        List<ConsumerRecord<String, String>> beforeKill = KafkaBroker.readAll(topics.output());
        assertThat(beforeKill.size()).as("records out when killed").isLessThan(KILL_RECORDS);
        long lastInterval = beforeKill.stream()
                .filter(record -> record.timestamp() > killedAt - COMMIT_INTERVAL_MS - COMMIT_SLACK_MS).count();

        try (DragomanProcess second = DragomanProcess.start("crash-second", settings(topics, "second"))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ids(KafkaBroker.readAll(topics.output())).size() == KILL_RECORDS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    KafkaBroker.committedOffsets(topics.group())).isEqualTo(KafkaBroker.endOffsets(topics.input())));
        }
        List<ConsumerRecord<String, String>> out = KafkaBroker.readAll(topics.output());
        assertTranslated(out, "crash", KILL_RECORDS);
        assertThat((long) out.size() - KILL_RECORDS).as("published twice (%d published in the last commit interval)",
                lastInterval).isLessThanOrEqualTo(MAX_IN_FLIGHT + lastInterval);
        assertThat(KafkaBroker.readAll(topics.deadLetter())).isEmpty();
    }

    @Test
    void should_publish_each_record_exactly_once_across_a_kill_9_with_exactly_once() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(200)));
        KafkaTopics topics = KafkaTopics.create(3);
        KafkaBroker.send(records(topics, "once", KILL_RECORDS));
        Map<String, String> settings = exactlyOnce(settings(topics, "first"));
        settings.put("dragoman.kafka.max-in-flight", String.valueOf(MAX_IN_FLIGHT));

        runAndKill(DragomanProcess.start("once-first", settings), topics);
        try (DragomanProcess second = DragomanProcess.start("once-second", exactlyOnce(settings(topics, "second")))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> KafkaBroker.readCommitted(topics.output()).size() >= KILL_RECORDS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    KafkaBroker.committedOffsets(topics.group())).isEqualTo(KafkaBroker.endOffsets(topics.input())));
        }
        List<ConsumerRecord<String, String>> out = KafkaBroker.readCommitted(topics.output());
        assertThat(ids(out)).as("every record once").hasSize(KILL_RECORDS);
        assertThat(out.size()).as("records out, no duplicates").isEqualTo(KILL_RECORDS);
        assertTranslated(out, "once", KILL_RECORDS);
    }

    @Test
    void should_take_its_partitions_back_at_once_when_restarted_under_its_group_instance_id() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(20)));
        KafkaTopics topics = KafkaTopics.create(3);
        KafkaBroker.send(records(topics, "static", KILL_RECORDS));
        Map<String, String> settings = settings(topics, "static");
        // a dynamic member restarted would wait for the dead one's session, far longer than the restart is given below
        settings.put("dragoman.kafka.session-timeout", "90000");
        settings.put("dragoman.kafka.group-instance-id", "dragoman-static-1");

        runAndKill(DragomanProcess.start("static-first", settings), topics);
        try (DragomanProcess restarted = DragomanProcess.start("static-second", settings)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> ids(KafkaBroker.readAll(topics.output())).size() == KILL_RECORDS);
        }
        assertTranslated(KafkaBroker.readAll(topics.output()), "static", KILL_RECORDS);
    }

    @Test
    void should_publish_each_record_exactly_once_when_a_second_process_joins_with_exactly_once() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(300)));
        KafkaTopics topics = KafkaTopics.create(6);
        KafkaBroker.send(records(topics, "join", 3000));

        Map<String, String> settings = exactlyOnce(settings(topics, "a"));
        // slow enough (about 65 records/s, 40 s for the rest) that the second process, which takes 10-20 s to start
        // and join on two busy cores, joins in the middle; at 200/s the first had once finished before it
        settings.put("dragoman.kafka.max-in-flight", "20");
        try (DragomanProcess a = DragomanProcess.start("join-a", settings)) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> KafkaBroker.readCommitted(topics.output()).size() >= 300);
            try (DragomanProcess b = DragomanProcess.start("join-b", exactlyOnce(settings(topics, "b")))) {
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> KafkaBroker.readCommitted(topics.output()).size() >= 3000);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(KafkaBroker
                        .committedOffsets(topics.group())).isEqualTo(written(topics)));
            }
        }
        List<ConsumerRecord<String, String>> out = KafkaBroker.readCommitted(topics.output());
        assertThat(out.size()).as("records out, no duplicates").isEqualTo(3000);
        assertTranslated(out, "join", 3000);
        assertThat(providersOf(out)).as("both processes translate").containsOnlyKeys("a", "b");
    }

    /** Runs the process until a fifth of the records are out, kills it with SIGKILL and returns when (epoch ms). */
    private static long runAndKill(DragomanProcess process, KafkaTopics topics) throws InterruptedException {
        try (process) {
            awaitRecords(topics.output(), KILL_RECORDS / 5);
            long killedAt = System.currentTimeMillis();
            process.kill();
            return killedAt;
        }
    }

    /** The end offset of each input partition that got records (no key of the test may fall in some). */
    private static Map<Integer, Long> written(KafkaTopics topics) throws Exception {
        Map<Integer, Long> written = new TreeMap<>(KafkaBroker.endOffsets(topics.input()));
        written.values().removeIf(end -> end == 0);
        return written;
    }

    private static Map<String, String> exactlyOnce(Map<String, String> settings) {
        settings.put("dragoman.kafka.exactly-once", "true");
        return settings;
    }

    /** The records' ids (topic-partition-offset of each input), each once. */
    private static Set<String> ids(List<ConsumerRecord<String, String>> records) throws Exception {
        Set<String> ids = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            ids.add(JSON.readTree(record.value()).get("id").asText());
        }
        return ids;
    }

    @Test
    void should_share_the_partitions_of_a_group_and_let_the_others_finish_when_one_stops() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(20)));
        KafkaTopics topics = KafkaTopics.create(6);

        try (DragomanProcess a = DragomanProcess.start("scale-a", settings(topics, "a"));
                DragomanProcess b = DragomanProcess.start("scale-b", settings(topics, "b"))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> KafkaBroker.stableMembers(topics.group()) == 2);
            KafkaBroker.send(records(topics, "first", 300));

            List<ConsumerRecord<String, String>> first = awaitRecords(topics.output(), 300);
            assertThat(first.size()).as("records out, none translated twice in steady state").isEqualTo(300);
            assertTranslated(first, "first", 300);
            assertThat(providersOf(first)).as("both processes translate").containsOnlyKeys("a", "b");

            stopAndLetTheOtherFinish(a, topics, Duration.ofSeconds(120));
        }
    }

    @Test
    void should_hand_a_static_member_s_partitions_over_at_once_when_it_stops_and_leaves_the_group() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(20)));
        KafkaTopics topics = KafkaTopics.create(6);

        try (DragomanProcess a = DragomanProcess.start("leave-a", leavingStaticMember(settings(topics, "a"), "a"));
                DragomanProcess b = DragomanProcess.start("leave-b", leavingStaticMember(settings(topics, "b"), "b"))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> KafkaBroker.stableMembers(topics.group()) == 2);

            // a static member that stopped without leaving would hold its partitions for its 90 s session
            stopAndLetTheOtherFinish(a, topics, Duration.ofSeconds(45));
        }
    }

    private static Map<String, String> leavingStaticMember(Map<String, String> settings, String name) {
        settings.put("dragoman.kafka.session-timeout", "90000");
        settings.put("dragoman.kafka.group-instance-id", "dragoman-" + name);
        settings.put("dragoman.kafka.leave-group-on-stop", "true");
        return settings;
    }

    /** Stops {@code a} (gracefully), then sends 300 records, which b, the other process, must all translate in time. */
    private static void stopAndLetTheOtherFinish(DragomanProcess a, KafkaTopics topics, Duration within)
            throws Exception {
        assertThat(a.stop()).as("a stopped").isTrue();
        KafkaBroker.send(records(topics, "second", 300));

        // at least once: a record a was translating as it stopped may come out twice, so wait for every text
        await().atMost(within).pollInterval(Duration.ofSeconds(1))
                .until(() -> distinctTexts(second(topics)), texts -> texts == 300);
        List<ConsumerRecord<String, String>> second = second(topics);
        assertTranslated(second, "second", 300);
        assertThat(providersOf(second)).as("b takes over every partition").containsOnlyKeys("b");
    }

    /** The records of the texts sent after the first process stopped. */
    private static List<ConsumerRecord<String, String>> second(KafkaTopics topics) {
        return KafkaBroker.readAll(topics.output()).stream()
                .filter(record -> record.value().contains("\"text\":\"second ")).toList();
    }

    /**
     * Every text of {@code prefix 0} to {@code prefix count-1} translated, and no other; a failure says how many are
     * missing and names a few, rather than printing thousands of records.
     */
    private static void assertTranslated(List<ConsumerRecord<String, String>> records, String prefix, int count)
            throws Exception {
        Set<String> texts = texts(records);
        Set<String> missing = expectedTexts(prefix, count);
        missing.removeAll(texts);
        assertThat(missing.size()).as("texts of %d not translated, among them %s", count,
                missing.stream().limit(5).toList()).isZero();
        assertThat(texts.size()).as("texts translated").isEqualTo(count);
    }

    private Map<String, String> settings(KafkaTopics topics, String name) {
        Map<String, String> settings = new HashMap<>(KafkaTestSupport.stubProvider(name, provider.baseUrl()));
        settings.putAll(topics.properties());
        // a killed process's partitions go to the others after this long (the broker's smallest allowed)
        settings.put("dragoman.kafka.session-timeout", "6000");
        settings.put("dragoman.kafka.commit-interval", COMMIT_INTERVAL_MS + "ms");
        for (String folder : List.of("inbox", "outbox", "failed")) {
            settings.put("dragoman.file." + folder, dir.resolve(name + "-" + folder).toString());
        }
        return settings;
    }

    private static List<ProducerRecord<String, String>> records(KafkaTopics topics, String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new ProducerRecord<>(topics.input(), "key-" + i % 11, prefix + " " + i)).toList();
    }

    private static Set<String> expectedTexts(String prefix, int count) {
        Set<String> texts = new TreeSet<>();
        IntStream.range(0, count).forEach(i -> texts.add(prefix + " " + i));
        return texts;
    }

    /** The texts whose translation is on the topic (each checked to be the stub's translation of it). */
    private static int distinctTexts(List<ConsumerRecord<String, String>> records) {
        try {
            return texts(records).size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> texts(List<ConsumerRecord<String, String>> records) throws Exception {
        Set<String> texts = new TreeSet<>();
        for (ConsumerRecord<String, String> record : records) {
            JsonNode envelope = JSON.readTree(record.value());
            assertThat(envelope.get("translation").asText()).isEqualTo("T:" + envelope.get("text").asText());
            texts.add(envelope.get("text").asText());
        }
        return texts;
    }

    /** How many records each provider instance, that is each process, translated. */
    private static Map<String, Integer> providersOf(List<ConsumerRecord<String, String>> records) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            counts.merge(JSON.readTree(record.value()).get("provider").asText(), 1, Integer::sum);
        }
        return counts;
    }
}
