package dev.dragoman.memory;

/**
 * A translation unit read from a TMX file: a text and its translation, each with the BCP 47 tag its {@code <tuv>}
 * gave. It is nobody's model's, so any provider instance may answer with it.
 */
public record ImportedUnit(String sourceLang, String targetLang, String text, String translation) {
}
