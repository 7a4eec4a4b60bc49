package dev.dragoman.translate;

import dev.dragoman.keys.Secrets;

/**
 * A text that could not be translated; the message says by which provider and why, keys masked. {@link #retryable()}
 * tells the sources what to do with it: a failure that a later try may cure (an outage, rate limits, keys resting or
 * rejected until they are re-probed, replies that were no translation) is retried by the source, which pauses rather
 * than drains; one that no retry changes (the provider refused the request) ends as a dead letter.
 */
public class TranslationFailedException extends Exception {

    private final boolean retryable;

    public TranslationFailedException(String message, Throwable cause, boolean retryable) {
        super(Secrets.redact(message), cause);
        this.retryable = retryable;
    }

    /** Whether the same text may well be translated later without any change to it or to the configuration. */
    public boolean retryable() {
        return retryable;
    }
}
