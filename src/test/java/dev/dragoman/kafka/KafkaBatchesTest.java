package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.KafkaBroker;
import dev.dragoman.support.KafkaTestSupport;
import dev.dragoman.support.OpenAiStub;
import dev.dragoman.translate.BatchRepairs;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records of one poll go to the provider in batches (batch-lines 20 by default), and each record still gets its
 * own outcome: its envelope under its key, or its dead letter. The stream waits up to 3 s to fill a poll, so the
 * records a test sends at once make one poll.
 */
class KafkaBatchesTest extends KafkaTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 100;

    @Override
    protected Properties properties() {
        Properties properties = super.properties();
        properties.put("dragoman.kafka.batch-wait", "3000");
        return properties;
    }

    @Test
    void should_translate_a_poll_of_100_records_in_at_most_10_requests() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        assertEveryRecordTranslated(sendRecords());

        List<ServeEvent> calls = provider.getAllServeEvents();
        assertThat(calls).hasSizeLessThanOrEqualTo(10);
        assertThat(calls).anySatisfy(call -> assertThat(userMessage(call)).startsWith("[").contains("text "));
        assertThat(KafkaBroker.readAll(topics().deadLetter())).isEmpty();
    }

    @Test
    void should_give_every_record_its_own_translation_when_every_fifth_batch_drops_one() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo("drop")));

        assertEveryRecordTranslated(sendRecords());

        assertThat(context.getRegistry().lookupByNameAndType("batchRepairs", BatchRepairs.class).count())
                .isPositive();
        assertThat(KafkaBroker.readAll(topics().deadLetter())).isEmpty();
    }

    @Test
    void should_dead_letter_a_refused_record_alone_and_translate_its_batch_neighbours() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).atPriority(5).willReturn(OpenAiStub.echo()));
        provider.stubFor(post(OpenAiStub.PATH).atPriority(1).withRequestBody(containing("poison"))
                .willReturn(OpenAiStub.error(400, "invalid_request_error", "content_filter", "Refused by policy")));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(new ProducerRecord<>(topics().input(), "key", "good " + i));
            if (i == 4) {
                records.add(new ProducerRecord<>(topics().input(), "key", "poison pill"));
            }
        }
        KafkaBroker.send(records);

        List<ConsumerRecord<String, String>> dead = awaitRecords(topics().deadLetter(), 1);
        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 10);

        assertThat(out).extracting(record -> JSON.readTree(record.value()).get("translation").asText())
                .containsExactly("T:good 0", "T:good 1", "T:good 2", "T:good 3", "T:good 4", "T:good 5",
                        "T:good 6", "T:good 7", "T:good 8", "T:good 9");
        assertThat(dead).hasSize(1);
        JsonNode letter = JSON.readTree(dead.get(0).value());
        assertThat(letter.get("value").asText()).isEqualTo("poison pill");
        assertThat(letter.get("text").asText()).isEqualTo("poison pill");
        assertThat(letter.get("error").asText()).isEqualTo("TranslationFailedException");
        assertThat(letter.get("error_class").asText()).isEqualTo("REQUEST_REJECTED");
        assertThat(letter.get("reason").asText()).contains("stub: HTTP 400", "Refused by policy");
        // it went out with its neighbours first
        assertThat(provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))
                .withRequestBody(containing("poison")).withRequestBody(containing("good 9")))).isNotEmpty();
    }

    /** Records with keys, half plain text, half JSON with an id and a target language of their own. */
    private List<ProducerRecord<String, String>> sendRecords() throws Exception {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String text = "text " + i;
            records.add(new ProducerRecord<>(topics().input(), "key-" + i % 7, i % 2 == 0 ? text
                    : JSON.writeValueAsString(Map.of("text", text, "id", "id-" + i, "target_lang", "German"))));
        }
        KafkaBroker.send(records);
        return records;
    }

    private void assertEveryRecordTranslated(List<ProducerRecord<String, String>> sent) throws Exception {
        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), sent.size());
        assertThat(out).hasSize(sent.size());
        Map<String, Integer> lastIndexByKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : out) {
            JsonNode envelope = JSON.readTree(record.value());
            int i = Integer.parseInt(envelope.get("text").asText().substring("text ".length()));
            assertThat(envelope.get("translation").asText()).as("record %d", i).isEqualTo("T:text " + i);
            assertThat(record.key()).isEqualTo("key-" + i % 7);
            if (i % 2 == 0) {
                assertThat(envelope.get("id").asText())
                        .matches(topics().input() + "-[0-" + (INPUT_PARTITIONS - 1) + "]-\\d+");
                assertThat(envelope.get("target_lang").asText()).isEqualTo("English");
            } else {
                assertThat(envelope.get("id").asText()).isEqualTo("id-" + i);
                assertThat(envelope.get("target_lang").asText()).isEqualTo("German");
            }
            assertThat(header(record, "DragomanId")).isEqualTo(envelope.get("id").asText());
            Integer previous = lastIndexByKey.put(record.key(), i);
            if (previous != null) {
                assertThat(i).as("order within %s", record.key()).isGreaterThan(previous);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String userMessage(ServeEvent call) throws Exception {
        JsonNode messages = JSON.readTree(call.getRequest().getBodyAsString()).get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }
}
