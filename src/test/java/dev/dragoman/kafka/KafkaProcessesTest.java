package dev.dragoman.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Dragoman processes (JVMs of their own) on one consumer group: one killed mid-stream loses nothing, and several
 * share the input partitions, the survivors taking over from one that stops.
 */
class KafkaProcessesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static KafkaBroker broker = new KafkaBroker();

    @RegisterExtension
    static WireMockExtension provider = StubServers.create();

    @TempDir
    Path dir;

    @Test
    void should_translate_every_record_at_least_once_when_a_process_is_killed_mid_stream() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(100)));
        KafkaTopics topics = KafkaTopics.create(3);
        KafkaBroker.send(records(topics, "crash", 400));

        try (DragomanProcess first = DragomanProcess.start("crash-first", settings(topics, "first"))) {
            awaitRecords(topics.output(), 40);
            first.kill();
        }
        assertThat(KafkaBroker.readAll(topics.output())).as("killed mid-stream").hasSizeLessThan(400);

        try (DragomanProcess second = DragomanProcess.start("crash-second", settings(topics, "second"))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> texts(KafkaBroker.readAll(topics.output())).size() == 400);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    KafkaBroker.committedOffsets(topics.group())).isEqualTo(KafkaBroker.endOffsets(topics.input())));
        }
        assertThat(texts(KafkaBroker.readAll(topics.output()))).isEqualTo(expectedTexts("crash", 400));
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
            assertThat(first).as("no record translated twice in steady state").hasSize(300);
            assertThat(texts(first)).isEqualTo(expectedTexts("first", 300));
            assertThat(providersOf(first)).as("both processes translate").containsOnlyKeys("a", "b");

            assertThat(a.stop()).as("a stopped").isTrue();
            KafkaBroker.send(records(topics, "second", 300));

            // at least once: a record a was translating as it stopped may come out twice, so wait for every text
            List<ConsumerRecord<String, String>> second = await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> KafkaBroker.readAll(topics.output()).stream()
                            .filter(record -> record.value().contains("\"text\":\"second ")).toList(),
                            records -> distinctTexts(records) == 300);
            assertThat(texts(second)).isEqualTo(expectedTexts("second", 300));
            assertThat(providersOf(second)).as("b takes over every partition").containsOnlyKeys("b");
        }
    }

    private Map<String, String> settings(KafkaTopics topics, String name) {
        Map<String, String> settings = new HashMap<>(KafkaTestSupport.stubProvider(name, provider.baseUrl()));
        settings.putAll(topics.properties());
        // a killed process's partitions go to the others after this long (the broker's smallest allowed)
        settings.put("dragoman.kafka.session-timeout", "6000");
        settings.put("dragoman.kafka.max-poll-records", "20");
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
