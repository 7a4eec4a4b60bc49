package dev.dragoman.http;

/**
 * The HTTP API already has as many texts in flight as its share allows; the message names the property (answered with
 * 503 and {@code Retry-After}).
 */
public class ShareFullException extends Exception {

    public ShareFullException(String message) {
        super(message, null, false, false);
    }
}
