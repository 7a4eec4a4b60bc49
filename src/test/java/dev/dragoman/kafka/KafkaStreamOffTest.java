package dev.dragoman.kafka;

import java.time.Duration;

import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.dragoman.support.CapturedLog;
import dev.dragoman.support.DragomanTestSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shipped configuration leaves dragoman.kafka.brokers unset: no Kafka route, no network, one line saying so. */
class KafkaStreamOffTest extends DragomanTestSupport {

    /** Opened before Camel starts, which is when the line is logged. */
    static CapturedLog log;

    @BeforeAll
    static void captureLog() {
        log = new CapturedLog();
    }

    @AfterAll
    static void releaseLog() {
        log.close();
    }

    @Test
    void should_leave_the_kafka_stream_off_and_say_so_when_no_brokers_are_set() {
        assertThat(context.getRoute("kafka-stream")).isNull();
        assertThat(context.getRoute("file-drop")).isNotNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.text())
                .containsOnlyOnce("Kafka stream is off: dragoman.kafka.brokers is not set"));
        HealthCheck.Result health = context.getRegistry()
                .lookupByNameAndType("dragoman-kafka-stream", StreamHealthCheck.class).call();
        assertThat(health.getState()).as("an unused stream does not make Dragoman unready")
                .isEqualTo(HealthCheck.State.UP);
        assertThat(health.getMessage()).contains("the Kafka stream is off");
    }
}
