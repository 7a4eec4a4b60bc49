package dev.dragoman.kafka;

/** A record whose envelope could not be published within {@code dragoman.kafka.max-record-size}: a dead letter. */
public class OversizedRecordException extends Exception {

    public OversizedRecordException(String message) {
        super(message);
    }
}
