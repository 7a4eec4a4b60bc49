package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.dragoman.provider.Json;
import dev.dragoman.support.KafkaBroker;
import dev.dragoman.support.KafkaTestSupport;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code context = 3} on the Kafka stream: the records of one key are one document, so each record goes to the
 * provider alone, after the records of its key before it, which it takes along (and none of another key's) as earlier
 * turns.
 */
class KafkaContextTest extends KafkaTestSupport {

    @Override
    protected Properties properties() {
        Properties properties = super.properties();
        properties.put("dragoman.provider.stub.system-prompt", "Into {target_lang}.");
        properties.put("dragoman.provider.stub.context", "3");
        // the records sent at once make one poll
        properties.put("dragoman.kafka.batch-wait", "3000");
        return properties;
    }

    @Test
    void each_record_takes_the_records_of_its_key_before_it_along() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));
        // one partition for all, so the poll's order is the sending order
        KafkaBroker.send(List.of(
                new ProducerRecord<>(topics().input(), 0, "chapter-1", "line 1"),
                new ProducerRecord<>(topics().input(), 0, "chapter-2", "line 4"),
                new ProducerRecord<>(topics().input(), 0, "chapter-1", "line 2"),
                new ProducerRecord<>(topics().input(), 0, "chapter-2", "line 5"),
                new ProducerRecord<>(topics().input(), 0, "chapter-1", "line 3")));

        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), 5);

        // each key's records in order; the keys go on side by side
        assertThat(translationsOf(out, "chapter-1")).containsExactly("T:line 1", "T:line 2", "T:line 3");
        assertThat(translationsOf(out, "chapter-2")).containsExactly("T:line 4", "T:line 5");
        assertThat(provider.getAllServeEvents()).as("one request per record").hasSize(5);
        assertThat(turnsOf("line 3")).containsExactly("system: Into English.",
                "user: line 1", "assistant: T:line 1",
                "user: line 2", "assistant: T:line 2",
                "user: line 3");
        assertThat(turnsOf("line 5")).containsExactly("system: Into English.",
                "user: line 4", "assistant: T:line 4",
                "user: line 5");
    }

    private static List<String> translationsOf(List<ConsumerRecord<String, String>> out, String key) throws Exception {
        List<String> translations = new ArrayList<>();
        for (ConsumerRecord<String, String> record : out) {
            if (record.key().equals(key)) {
                translations.add(Json.MAPPER.readTree(record.value()).get("translation").asText());
            }
        }
        return translations;
    }

    /** The turns of the one request whose last turn is {@code text}, as {@code role: content}. */
    private static List<String> turnsOf(String text) throws Exception {
        List<LoggedRequest> requests = provider.findAll(postRequestedFor(urlEqualTo(OpenAiStub.PATH))).stream()
                .filter(request -> lastTurn(request).equals(text)).toList();
        assertThat(requests).as("requests for " + text).hasSize(1);
        List<String> turns = new ArrayList<>();
        for (JsonNode message : Json.MAPPER.readTree(requests.get(0).getBodyAsString()).get("messages")) {
            turns.add(message.get("role").asText() + ": " + message.get("content").asText());
        }
        return turns;
    }

    private static String lastTurn(LoggedRequest request) {
        JsonNode messages = Json.tryParse(request.getBodyAsString()).orElseThrow().get("messages");
        return messages.get(messages.size() - 1).get("content").asText();
    }
}
