package dev.dragoman.translate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last translations of one document (a dropped file, the records of one Kafka key), oldest first, that its next
 * texts take along as context. Sources that keep one put it on the exchange ({@link ExchangeKeys#CONTEXT}); a text
 * sees the pairs completed before it was sent, so a source that wants each text to see all its predecessors
 * translates them one after another.
 */
public final class DocumentContext {

    private final int size;
    private final Deque<ContextPair> pairs = new ArrayDeque<>();

    /** @param size how many pairs are kept: the largest {@code context} of any instance */
    public DocumentContext(int size) {
        this.size = size;
    }

    public synchronized List<ContextPair> recent() {
        return List.copyOf(pairs);
    }

    public synchronized void remember(String text, String translation) {
        pairs.addLast(new ContextPair(text, translation));
        while (pairs.size() > size) {
            pairs.removeFirst();
        }
    }
}
