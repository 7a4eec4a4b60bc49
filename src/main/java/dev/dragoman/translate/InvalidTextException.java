package dev.dragoman.translate;

/** Input that is not text Dragoman can translate; the message says what is wrong with it. */
public class InvalidTextException extends Exception {

    public InvalidTextException(String message) {
        super(message, null, false, false);
    }
}
