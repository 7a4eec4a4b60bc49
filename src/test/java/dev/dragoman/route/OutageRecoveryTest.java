package dev.dragoman.route;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.BatchEcho;
import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.KafkaBroker;
import dev.dragoman.support.KafkaTestSupport;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provider outage of about ten seconds (first nothing listens, then every call gets a 503) while 1,000 records
 * stream through Kafka and a file waits in the inbox: the breaker opens, nothing is dead-lettered or moved to
 * {@code failed/}, and once the provider answers again the breaker closes and every text is translated.
 */
class OutageRecoveryTest extends KafkaTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int RECORDS = 1000;

    private int standInPort;
    private WireMockServer standIn;

    /** Chosen on first use: Camel's test support asks for the properties before JUnit fills in fields. */
    private int standInPort() {
        if (standInPort == 0) {
            standInPort = freePort();
        }
        return standInPort;
    }

    @Override
    protected Properties properties() {
        Properties properties = super.properties();
        // the provider's address before anything listens there: calls are refused
        properties.put("dragoman.provider.stub.url", "http://localhost:" + standInPort());
        return properties;
    }

    @AfterEach
    void stopStandIn() {
        if (standIn != null) {
            standIn.stop();
        }
    }

    private String breaker() throws Exception {
        return new HttpClientSupport(port()).get("/providers").json().get(0).get("breaker").asText();
    }

    @Test
    void should_ride_out_an_outage_without_dead_letters_or_failed_files() throws Exception {
        Instant outage = Instant.now();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(new ProducerRecord<>(topics().input(), "key-" + i % 13, "text " + i));
        }
        KafkaBroker.send(records);
        String document = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"))
                + "\n";
        drop("waiting.txt", document.getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).until(() -> "open".equals(breaker()));

        // the provider comes back broken: a 503 for every call
        standIn = new WireMockServer(options().port(standInPort()).extensions(new BatchEcho()));
        standIn.start();
        standIn.stubFor(post(OpenAiStub.PATH).willReturn(aResponse().withStatus(503).withHeader("Content-Type",
                "application/json").withBody("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Duration.between(outage, Instant.now()).toSeconds() >= 10);
        assertThat(KafkaBroker.readAll(topics().output())).as("nothing translated during the outage").isEmpty();

        standIn.resetAll();
        standIn.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo()));

        List<ConsumerRecord<String, String>> out = awaitRecords(topics().output(), RECORDS);
        assertThat(out.stream().map(record -> {
            try {
                return JSON.readTree(record.value()).get("translation").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.toSet())).containsAll(IntStream.range(0, RECORDS).mapToObj(i -> "T:text " + i).toList());
        assertThat(Files.readString(awaitFile(outbox().resolve("waiting.txt"), Duration.ofSeconds(60))))
                .isEqualTo(document.lines().map(line -> "T:" + line + "\n").collect(Collectors.joining()));
        assertThat(KafkaBroker.readAll(topics().deadLetter())).as("dead letters").isEmpty();
        assertThat(failed()).satisfiesAnyOf(
                dir -> assertThat(dir).doesNotExist(),
                dir -> assertThat(dir).isEmptyDirectory());
        await().atMost(Duration.ofSeconds(30)).until(() -> "closed".equals(breaker()));
        JsonNode envelope = JSON.readTree(out.get(0).value());
        assertThat(envelope.get("provider").asText()).isEqualTo("stub");
    }
}
