package dev.dragoman.translate;

/**
 * What became of a text that could not be translated, in place of its envelope: the reason, and whether a later try
 * may succeed ({@link TranslationFailedException#retryable()}).
 */
public record LineFailure(String reason, boolean retryable) {

    public static LineFailure of(Exception failure) {
        return new LineFailure(failure.getMessage(),
                failure instanceof TranslationFailedException translation && translation.retryable());
    }
}
