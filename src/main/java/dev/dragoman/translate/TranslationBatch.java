package dev.dragoman.translate;

import java.util.List;

/**
 * Segments that go to a provider together, as one request: consecutive texts of one source (lines of a file, records
 * of a Kafka poll, texts of an HTTP request) with the same source and target language and the same requested
 * instance. {@code direct:translate} answers it with one result per segment, in order ({@link BatchTranslation}).
 */
public record TranslationBatch(List<TranslationRequest> requests) {

    public TranslationBatch {
        requests = List.copyOf(requests);
    }

    public int size() {
        return requests.size();
    }
}
