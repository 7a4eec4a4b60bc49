package dev.dragoman.document;

import java.util.function.UnaryOperator;

/**
 * A snippet with its markup protected: {@code coded} is what a model translates (letter-coded, markers for the markup
 * and placeholders), {@link #restore} puts the markup back into the translation.
 *
 * @param coded    the snippet as letter-coded text
 * @param restorer turns a translated letter-coded text back into the snippet's format
 */
public record ProtectedText(String coded, UnaryOperator<String> restorer) {

    /**
     * The translated snippet in its own format.
     *
     * @throws IllegalArgumentException naming the marker when the translation's markers do not match the coded text's
     */
    public String restore(String translatedCoded) {
        return restorer.apply(translatedCoded);
    }
}
