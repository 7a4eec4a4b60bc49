package dev.dragoman.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.KafkaBroker;
import dev.dragoman.support.KafkaTestSupport;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/kafka-stream.yaml on a real broker: envelopes under the input's key and in its order, dead letters. */
class KafkaStreamTest extends KafkaTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_translate_a_thousand_records_keeping_keys_ids_and_the_order_within_a_key() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String key = "key-" + i % 17;
            String text = "text " + i;
            records.add(new ProducerRecord<>(topics().input(), key, i % 2 == 0 ? text
                    : JSON.writeValueAsString(Map.of("text", text, "id", "id-" + i, "target_lang", "German"))));
        }
        KafkaBroker.send(records);

        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 1000);

        assertThat(out).hasSize(1000);
        Map<String, Integer> lastIndexByKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : out) {
            JsonNode envelope = JSON.readTree(record.value());
            int i = Integer.parseInt(envelope.get("text").asText().substring("text ".length()));
            assertThat(record.key()).isEqualTo("key-" + i % 17);
            assertThat(envelope.get("translation").asText()).isEqualTo("T:text " + i);
            if (i % 2 == 0) {
                assertThat(envelope.get("id").asText())
                        .matches(topics().input() + "-[0-" + (INPUT_PARTITIONS - 1) + "]-\\d+");
                assertThat(envelope.get("target_lang").asText()).isEqualTo("English");
            } else {
                assertThat(envelope.get("id").asText()).isEqualTo("id-" + i);
                assertThat(envelope.get("target_lang").asText()).isEqualTo("German");
            }
            assertThat(envelope.get("provider").asText()).isEqualTo("stub");
            Integer previous = lastIndexByKey.put(record.key(), i);
            if (previous != null) {
                assertThat(i).as("order within %s", record.key()).isGreaterThan(previous);
            }
        }
        assertThat(KafkaBroker.readAll(topics().deadLetter())).isEmpty();
        HealthCheck.Result health = context.getRegistry()
                .lookupByNameAndType("dragoman-kafka-stream", StreamHealthCheck.class).call();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry("partitions", INPUT_PARTITIONS);
    }

    @Test
    void should_send_records_that_cannot_be_translated_to_the_dead_letter_topic_and_go_on() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).atPriority(5).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).atPriority(1).withRequestBody(containing("poison"))
                .willReturn(OpenAiStub.error(400, "invalid_request_error", "content_filter", "Refused by policy")));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(new ProducerRecord<>(topics().input(), "key-" + i % 3, "good " + i));
        }
        records.add(new ProducerRecord<>(topics().input(), "key-p", "poison pill"));
        records.add(new ProducerRecord<>(topics().input(), "key-j", "{\"text\": 42, \"id\": \"bad-json\"}"));
        KafkaBroker.send(records);

        List<ConsumerRecord<String, String>> dead = awaitRecords(topics().deadLetter(), 2);
        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 20);

        assertThat(out).hasSize(20).allSatisfy(record -> assertThat(JSON.readTree(record.value())
                .get("translation").asText()).startsWith("T:good "));
        assertThat(dead).hasSize(2);
        Map<String, JsonNode> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : dead) {
            byKey.put(record.key(), JSON.readTree(record.value()));
        }
        JsonNode poison = byKey.get("key-p");
        assertThat(poison.get("value").asText()).isEqualTo("poison pill");
        assertThat(poison.get("text").asText()).isEqualTo("poison pill");
        assertThat(poison.get("topic").asText()).isEqualTo(topics().input());
        assertThat(poison.get("error").asText()).isEqualTo("TranslationFailedException");
        assertThat(poison.get("error_class").asText()).isEqualTo("REQUEST_REJECTED");
        assertThat(poison.get("reason").asText()).contains("stub: HTTP 400", "Refused by policy");
        JsonNode badJson = byKey.get("key-j");
        assertThat(badJson.get("value").asText()).isEqualTo("{\"text\": 42, \"id\": \"bad-json\"}");
        assertThat(badJson.get("error").asText()).isEqualTo("InvalidRecordException");
        assertThat(badJson.get("reason").asText()).isEqualTo("\"text\" must be a string, not number");
        // the poison pill failed; a record that cannot be read never reached a provider
        MeterRegistry meters = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        assertThat(meters.get("dragoman.translations").tags("source", "kafka", "outcome", "failed").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("dragoman.translations").tags("source", "kafka", "outcome", "translated").counter()
                .count()).isGreaterThanOrEqualTo(20);
        for (ConsumerRecord<String, String> record : dead) {
            assertThat(record.value()).doesNotContain(KEY_ONE, KEY_TWO);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KafkaBroker.committedOffsets(topics().group())).isEqualTo(KafkaBroker.endOffsets(topics().input())));
    }
}
