package dev.dragoman.http;

/** A request Dragoman cannot take as sent; the message tells the client what to fix (answered with 400). */
public class BadRequestException extends Exception {

    public BadRequestException(String message) {
        super(message, null, false, false);
    }
}
