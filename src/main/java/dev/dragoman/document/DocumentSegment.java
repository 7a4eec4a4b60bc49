package dev.dragoman.document;

/**
 * One text unit (or one plural form of one) to translate.
 *
 * @param id   unique within its document, stable between reading it and writing it
 * @param text the unit's source as Okapi letter-coded text: inline codes as {@code <g1>…</g1>}, {@code <x1/>},
 *             {@code <b1/>}, {@code <e1/>}; a translation must carry the same markers
 * @param note what the model should know to translate it well (the key path, a translator comment, the plural form's
 *             meaning, the neighbouring subtitle cues), or null when there is none
 */
public record DocumentSegment(String id, String text, String note) {
}
