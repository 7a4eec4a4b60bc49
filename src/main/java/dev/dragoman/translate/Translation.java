package dev.dragoman.translate;

/** One provider instance's translation of one text. */
public record Translation(String provider, String model, String text, Usage usage) {
}
