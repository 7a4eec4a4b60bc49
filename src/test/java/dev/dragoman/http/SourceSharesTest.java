package dev.dragoman.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.HttpClientSupport;
import dev.dragoman.support.HttpClientSupport.Reply;
import dev.dragoman.support.KafkaBroker;
import dev.dragoman.support.KafkaTestSupport;
import dev.dragoman.support.OpenAiStub;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, "fairness and load shedding": each source has its own share of translations in flight. A flood of HTTP
 * requests beyond the HTTP API's share gets fast 503s with Retry-After while a dropped file and Kafka records are
 * translated at their own shares. The stand-in provider answers after 1 s, so every slot stays busy.
 */
class SourceSharesTest extends KafkaTestSupport {

    static final int PROVIDER_DELAY_MS = 1000;
    static final int FLOOD_CLIENTS = 8;

    @Override
    protected Properties properties() {
        Properties properties = super.properties();
        // two keys x 2: four slots on the keys, two for HTTP, one each for the file drop and Kafka
        properties.put("dragoman.provider.stub.concurrency", "2");
        properties.put("dragoman.http.max-in-flight", "2");
        properties.put("dragoman.file.max-in-flight", "1");
        properties.put("dragoman.kafka.max-in-flight", "1");
        return properties;
    }

    @Test
    void should_shed_an_http_flood_while_the_file_drop_and_kafka_go_on() throws Exception {
        provider.stubFor(post(OpenAiStub.PATH).willReturn(OpenAiStub.echo().withFixedDelay(PROVIDER_DELAY_MS)));
        HttpClientSupport http = new HttpClientSupport(port());
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger translated = new AtomicInteger();
        ConcurrentLinkedQueue<Reply> shed = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> shedMillis = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> otherStatuses = new ConcurrentLinkedQueue<>();
        ExecutorService flood = Executors.newFixedThreadPool(FLOOD_CLIENTS);
        try {
            for (int i = 0; i < FLOOD_CLIENTS; i++) {
                flood.submit(() -> {
                    while (flooding.get()) {
                        long start = System.nanoTime();
                        Reply reply = http.postJson("/translate", "{\"text\": \"flood\"}");
                        if (reply.status() == 503) {
                            shed.add(reply);
                            shedMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                        } else if (reply.status() == 200) {
                            translated.incrementAndGet();
                        } else {
                            otherStatuses.add(reply.status());
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> shed.size() >= 20);

            drop("during-flood.txt", "one\ntwo\nthree\n".getBytes(StandardCharsets.UTF_8));
            List<ProducerRecord<String, String>> records = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                records.add(new ProducerRecord<>(topics().input(), "key-" + i, "record " + i));
            }
            KafkaBroker.send(records);

            // one slot each, 1 s a text: 3 texts take about 3 s; far more is allowed for a loaded machine
            awaitFile(outbox().resolve("during-flood.txt"), Duration.ofSeconds(30));
            assertThat(Files.readString(outbox().resolve("during-flood.txt"))).contains("T:one", "T:two", "T:three");
            assertThat(awaitRecords(topics().output(), 3)).hasSize(3);
            int shedSoFar = shed.size();
            await("the flood still goes on").atMost(Duration.ofSeconds(10))
                    .until(() -> shed.size() > shedSoFar);
        } finally {
            flooding.set(false);
            flood.shutdown();
            assertThat(flood.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(otherStatuses).isEmpty();
        assertThat(translated.get()).as("HTTP gets its own share").isPositive();
        for (Reply reply : shed) {
            assertThat(reply.header("Retry-After")).isEqualTo("1");
            assertThat(reply.json().get("error").asText()).contains("dragoman.http.max-in-flight");
        }
        // refused at once, not after waiting for a slot (which takes a provider's 1 s)
        List<Long> sorted = shedMillis.stream().sorted().toList();
        assertThat(sorted.get(sorted.size() / 2)).as("median 503 time, ms").isLessThan(PROVIDER_DELAY_MS / 2);
    }
}
