package dev.dragoman.translate;

import java.util.List;

/**
 * What became of each segment of a {@link TranslationBatch}, in its order. On the way back from an instance each
 * entry is a {@link Translation}, under {@code strategy=compare} a {@link Comparison}, and out of
 * {@code direct:translate} an {@link Envelope}; a segment that failed for good on its own (a line the provider
 * refused once the batch was split down to single lines) is its {@link TranslationFailedException} instead.
 */
public record BatchTranslation(List<Object> segments) {

    public BatchTranslation {
        segments = List.copyOf(segments);
    }
}
