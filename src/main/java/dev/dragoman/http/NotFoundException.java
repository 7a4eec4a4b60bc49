package dev.dragoman.http;

/** A path naming something that does not exist, such as an unknown provider (answered with 404). */
public class NotFoundException extends Exception {

    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
