package dev.dragoman.translate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@link DocumentContext} per document name (a Kafka key), for sources whose documents have no end to forget
 * them at: the least recently used are dropped beyond a bound, so a topic with ever new keys takes a bounded heap.
 * Empty when no instance takes context.
 */
public final class DocumentContexts {

    static final int MAX_DOCUMENTS = 10_000;

    private final int size;
    private final Map<String, DocumentContext> byName = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DocumentContext> eldest) {
            return size() > MAX_DOCUMENTS;
        }
    };

    /** @param size the pairs each document keeps, the largest {@code context} of any instance; 0 keeps none */
    public DocumentContexts(int size) {
        this.size = size;
    }

    /** The document's context; none when context is off or the text belongs to no document (a record without key). */
    public synchronized Optional<DocumentContext> of(String name) {
        if (size == 0 || name == null) {
            return Optional.empty();
        }
        return Optional.of(byName.computeIfAbsent(name, any -> new DocumentContext(size)));
    }
}
