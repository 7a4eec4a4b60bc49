package dev.dragoman.http;

/** A request over one of the HTTP API's limits; the message names the limit's property (answered with 413). */
public class TooLargeException extends Exception {

    public TooLargeException(String message) {
        super(message, null, false, false);
    }
}
