package dev.dragoman.document;

import java.util.StringJoiner;

import net.sf.okapi.common.annotation.Note;
import net.sf.okapi.common.annotation.NoteAnnotation;
import net.sf.okapi.common.resource.ITextUnit;

/** A segment's note as "label: value" parts joined with "; ", the parts without a value left out. */
final class NoteText {

    private final StringJoiner parts = new StringJoiner("; ");

    NoteText add(String label, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(label + ": " + value.strip());
        }
        return this;
    }

    /** The unit's notes (XLIFF {@code <note>}, PO comments, properties comments), each as a part. */
    NoteText addNotes(ITextUnit unit) {
        NoteAnnotation notes = unit.getAnnotation(NoteAnnotation.class);
        if (notes != null) {
            for (Note note : notes) {
                add("note", note.getNoteText());
            }
        }
        return this;
    }

    /** The note, or null when it has no part. */
    String text() {
        return parts.length() == 0 ? null : parts.toString();
    }
}
