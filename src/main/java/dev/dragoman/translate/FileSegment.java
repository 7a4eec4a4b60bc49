package dev.dragoman.translate;

/**
 * One segment of a dropped file: a line of plain text, or a text unit (or one plural form of one) of a document.
 *
 * @param id    unique within the file, and stable from one drop of it to the next
 * @param label how the failed folder's {@code .error.txt} names it: {@code line 3}, {@code unit greeting}
 * @param text  what is translated: the line, or the unit's text with its inline codes as markers
 * @param note  what the model should know about it (a key path, a gettext context, a plural form's meaning); null
 *              for none
 */
public record FileSegment(String id, String label, String text, String note) {
}
