package dev.dragoman.translate;

/** An earlier text of the same document (a file, a Kafka key, an HTTP caller's) and its translation. */
public record ContextPair(String text, String translation) {
}
