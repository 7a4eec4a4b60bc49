package dev.dragoman.translate;

/** A term and the translation it must get. */
public record GlossaryTerm(String source, String target) {
}
