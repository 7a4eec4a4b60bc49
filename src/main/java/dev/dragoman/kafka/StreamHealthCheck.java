package dev.dragoman.kafka;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * {@code dragoman-kafka-stream}, a readiness check as camel-kafka's own consumer check is: DOWN while the stream cannot
 * read (the Kafka client failed, for a setting or the broker) or has stopped on an error; UP otherwise, with how many
 * partitions it reads, the records it holds and has in flight, and whether it is paused. UP and "off" when
 * {@code dragoman.kafka.brokers} is not set. The stream's consumer thread writes what it reads.
 */
public final class StreamHealthCheck extends AbstractHealthCheck {

    private volatile String problem;
    private volatile int partitions;
    private volatile int held;
    private volatile int inFlight;
    private volatile boolean paused;
    private volatile boolean on;

    public StreamHealthCheck() {
        super("dragoman", "dragoman-kafka-stream");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        if (!on) {
            builder.message("the Kafka stream is off").up();
            return;
        }
        builder.detail("partitions", partitions).detail("held", held).detail("in_flight", inFlight)
                .detail("paused", paused);
        String why = problem;
        if (why == null) {
            builder.message("the Kafka stream reads " + partitions + " partition(s)").up();
        } else {
            builder.message("the Kafka stream cannot read: " + why).down();
        }
    }

    void started() {
        on = true;
        problem = null;
    }

    /** The stream's state after a round; {@code problem} null when the round went well. */
    void update(String problem, int partitions, int held, int inFlight, boolean paused) {
        this.problem = problem;
        this.partitions = partitions;
        this.held = held;
        this.inFlight = inFlight;
        this.paused = paused;
    }

    void stopped(String problem) {
        this.problem = problem;
        if (problem == null) {
            on = false;
        }
    }
}
