package dev.dragoman.kafka;

/**
 * Ends a batch whose records cannot all be finished now (no provider can translate, a failure a later try may cure):
 * camel-kafka then stops the batch, and the route policy pauses the stream before they are read again.
 */
public class RecordsWaitException extends Exception {

    public RecordsWaitException(String message) {
        super(message);
    }
}
