package dev.dragoman.kafka;

/** A record whose value cannot be read as a text to translate; it goes to the dead-letter topic, not back. */
public class InvalidRecordException extends Exception {

    public InvalidRecordException(String message) {
        super(message);
    }
}
