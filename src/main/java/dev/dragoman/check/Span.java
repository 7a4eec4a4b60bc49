package dev.dragoman.check;

/**
 * A stretch of a text, {@code start} inclusive and {@code end} exclusive in UTF-16 units as {@link String#substring}
 * takes them, so callers cut the text without converting indexes.
 */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("no span from " + start + " to " + end);
        }
    }
}
