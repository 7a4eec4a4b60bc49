package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.KafkaBroker;
import dev.dragoman.support.KafkaTestSupport;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream's records go side by side: a record that hangs holds back only its own key, and each key's outputs keep
 * their input order when calls fail at random. A try may take {@value #DEADLINE_S} s; a record gets
 * {@value #MAX_ATTEMPTS} tries.
 */
class KafkaHeadOfLineTest extends KafkaTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int DEADLINE_S = 4;
    static final int MAX_ATTEMPTS = 3;
    static final int KEYS = 50;

    @Override
    protected Properties properties() {
        Properties properties = super.properties();
        properties.put("dragoman.deadline", DEADLINE_S + "s");
        properties.put("dragoman.provider.stub.timeout", DEADLINE_S + "s");
        properties.put("dragoman.kafka.max-attempts", String.valueOf(MAX_ATTEMPTS));
        properties.put("dragoman.kafka.retry-pause", "500ms");
        return properties;
    }

    @Test
    void a_record_that_hangs_holds_back_only_its_own_key() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).atPriority(5).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).atPriority(1).withRequestBody(containing("hangs"))
                .willReturn(OpenAiStub.echo().withFixedDelay(60_000)));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(new ProducerRecord<>(topics().input(), "key-" + i % KEYS, i == 50 ? "hangs 50" : "text " + i));
        }
        KafkaBroker.send(records);

        List<ConsumerRecord<String, String>> dead = awaitRecords(topics().deadLetter(), 1);
        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 999);

        assertThat(dead).hasSize(1);
        ConsumerRecord<String, String> hung = dead.get(0);
        JsonNode letter = JSON.readTree(hung.value());
        assertThat(letter.get("value").asText()).isEqualTo("hangs 50");
        assertThat(letter.get("reason").asText()).contains("no translation after " + MAX_ATTEMPTS + " tries");
        assertThat(out).hasSize(999);
        Map<String, Integer> lastIndexByKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : out) {
            int i = index(record);
            if (record.key().equals("key-0") && i > 50) {
                assertThat(record.timestamp()).as("record %d waits for the one that hangs", i)
                        .isGreaterThanOrEqualTo(hung.timestamp());
            } else {
                assertThat(record.timestamp()).as("record %d of %s is out before the one that hangs ends", i,
                        record.key()).isLessThanOrEqualTo(hung.timestamp());
            }
            Integer previous = lastIndexByKey.put(record.key(), i);
            if (previous != null) {
                assertThat(i).as("order within %s", record.key()).isGreaterThan(previous);
            }
        }
    }

    @Test
    void each_key_keeps_its_order_when_30_percent_of_calls_fail() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.flakyEcho(0.30)));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            records.add(new ProducerRecord<>(topics().input(), "key-" + i % 20, "text " + i));
        }
        KafkaBroker.send(records);

        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 2000);

        assertThat(out).hasSize(2000);
        Map<String, Integer> lastIndexByKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : out) {
            int i = index(record);
            assertThat(record.key()).isEqualTo("key-" + i % 20);
            Integer previous = lastIndexByKey.put(record.key(), i);
            if (previous != null) {
                assertThat(i).as("order within %s", record.key()).isGreaterThan(previous);
            }
        }
        assertThat(KafkaBroker.readAll(topics().deadLetter())).isEmpty();
        assertThat(provider.getAllServeEvents()).as("calls failed and were tried again")
                .anySatisfy(call -> assertThat(call.getResponse().getStatus()).isEqualTo(500));
    }

    private static int index(ConsumerRecord<String, String> record) throws Exception {
        JsonNode envelope = JSON.readTree(record.value());
        String text = envelope.get("text").asText();
        assertThat(envelope.get("translation").asText()).isEqualTo("T:" + text);
        return Integer.parseInt(text.substring(text.indexOf(' ') + 1));
    }
}
