/**
 * Checks of a model's translation before it is written: the inline codes, placeholders and markup of the source must
 * come back unchanged, and the reply must be a translation into the target language, not the source again, not a
 * conversation. The package uses only the JDK, ICU4J and lingua, so every other package may use it and it uses none.
 */
package dev.dragoman.check;
