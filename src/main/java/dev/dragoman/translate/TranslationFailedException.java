package dev.dragoman.translate;

import dev.dragoman.keys.Secrets;

/** A text that could not be translated for good; the message says by which provider and why, keys masked. */
public class TranslationFailedException extends Exception {

    public TranslationFailedException(String message, Throwable cause) {
        super(Secrets.redact(message), cause);
    }
}
