package dev.dragoman.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.KafkaBroker;
import dev.dragoman.support.KafkaTestSupport;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routes/kafka-stream.yaml when things go wrong: a record too large to publish, a provider outage, a broker that
 * refuses an output. The output topic takes records of at most {@value #OUTPUT_MAX_BYTES} bytes, so a mid-sized text
 * makes an envelope the broker refuses; the input topic takes the tests' large records.
 */
class KafkaFaultsTest extends KafkaTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int OUTPUT_MAX_BYTES = 20_000;

    @Override
    protected Properties properties() {
        Properties properties = super.properties();
        try {
            KafkaBroker.configureTopic(topics().input(),
                    Map.of("max.message.bytes", String.valueOf(KafkaBroker.LARGE_RECORDS)));
            KafkaBroker.createTopic(topics().output(), INPUT_PARTITIONS,
                    Map.of("max.message.bytes", String.valueOf(OUTPUT_MAX_BYTES)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // a failed text is not retried within the translation: each try is one try of the stream's
        properties.put("dragoman.retry.transient-attempts", "0");
        properties.put("dragoman.kafka.retry-pause", "1s");
        properties.put("dragoman.kafka.max-pause", "4s");
        return properties;
    }

    @Test
    void should_dead_letter_a_record_too_large_to_publish_with_a_cut_copy_and_go_on() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        String large = "large ".repeat(262_144);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        records.add(new ProducerRecord<>(topics().input(), "key", large));
        IntStream.range(0, 5).forEach(i -> records.add(new ProducerRecord<>(topics().input(), "key", "after " + i)));
        KafkaBroker.send(records);

        List<ConsumerRecord<String, String>> dead = awaitRecords(topics().deadLetter(), 1);
        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 5);

        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).serializedValueSize()).isLessThanOrEqualTo(1024 * 1024);
        JsonNode letter = JSON.readTree(dead.get(0).value());
        assertThat(letter.get("error").asText()).isEqualTo("OversizedRecordException");
        assertThat(letter.get("reason").asText()).contains("1572864 bytes", "dragoman.kafka.max-record-size");
        assertThat(letter.get("truncated").asBoolean()).isTrue();
        assertThat(letter.get("value_bytes").asInt()).isEqualTo(large.length());
        assertThat(large).startsWith(letter.get("value").asText());
        assertThat(letter.get("value").asText().length()).isGreaterThan(1000 * 1000);
        assertThat(letter.has("text")).isFalse();
        assertThat(out).extracting(record -> JSON.readTree(record.value()).get("translation").asText())
                .containsExactly("T:after 0", "T:after 1", "T:after 2", "T:after 3", "T:after 4");
        provider.verify(0, postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(containing("large large")));
    }

    @Test
    void should_pause_during_a_provider_outage_and_translate_every_record_once_it_is_over() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH)
                .willReturn(OpenAiStub.error(503, "server_error", "overloaded", "The server is overloaded")));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> records.add(
                new ProducerRecord<>(topics().input(), "key-" + i % 3, "outage " + i)));
        KafkaBroker.send(records);

        // the records' batch is tried, and tried again: it waits out the outage in rounds within its deadline
        await().atMost(Duration.ofSeconds(60)).until(() -> calls() >= 2);
        // the outage lasts: nothing is dead-lettered or published meanwhile
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(30)).until(() ->
                KafkaBroker.readAll(topics().deadLetter()).isEmpty() && KafkaBroker.readAll(topics().output()).isEmpty());
        int duringOutage = calls();
        // paused between reads (1 s): a few reads of 10 records, each tried on 2 keys; a stream reading again at once
        // would make thousands of calls in that time
        assertThat(duringOutage).as("provider calls during the outage").isLessThanOrEqualTo(200);

        provider.resetAll();
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 10);
        Set<String> translations = new TreeSet<>();
        for (ConsumerRecord<String, String> record : out) {
            translations.add(JSON.readTree(record.value()).get("translation").asText());
        }
        Set<String> expected = new TreeSet<>();
        IntStream.range(0, 10).forEach(i -> expected.add("T:outage " + i));
        assertThat(translations).isEqualTo(expected);
        assertThat(out).as("each published once").hasSize(10);
        assertThat(KafkaBroker.readAll(topics().deadLetter())).isEmpty();
        awaitEverythingCommitted();
    }

    @Test
    void should_dead_letter_an_output_the_broker_refuses_for_good_without_translating_it_again()
            throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        String refused = "refused " + "r".repeat(OUTPUT_MAX_BYTES);
        try (CapturedLog log = new CapturedLog()) {
            KafkaBroker.send(List.of(
                    new ProducerRecord<>(topics().input(), "key", "before"),
                    new ProducerRecord<>(topics().input(), "key", refused),
                    new ProducerRecord<>(topics().input(), "key", "after")));

            List<ConsumerRecord<String, String>> dead = awaitRecords(topics().deadLetter(), 1);
            List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 2);

            assertThat(dead).hasSize(1);
            JsonNode letter = JSON.readTree(dead.get(0).value());
            assertThat(letter.get("value").asText()).isEqualTo(refused);
            assertThat(letter.get("error").asText()).isEqualTo("RecordTooLargeException");
            assertThat(letter.get("topic").asText()).isEqualTo(topics().input());
            assertThat(out).extracting(record -> JSON.readTree(record.value()).get("translation").asText())
                    .containsExactly("T:before", "T:after");
            assertThat(log.text().split("to the dead-letter topic: the broker refused its output", -1))
                    .as("one line").hasSize(2);
        }
        provider.verify(1, postRequestedFor(urlEqualTo(OpenAiStub.PATH)).withRequestBody(containing("refused rrr")));
        awaitEverythingCommitted();
    }

    /** Every partition that got records is committed to its end. */
    private void awaitEverythingCommitted() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<Integer, Long> written = new TreeMap<>(KafkaBroker.endOffsets(topics().input()));
            written.values().removeIf(end -> end == 0);
            assertThat(KafkaBroker.committedOffsets(topics().group())).isEqualTo(written);
        });
    }

    private static int calls() {
        return provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).size();
    }
}
