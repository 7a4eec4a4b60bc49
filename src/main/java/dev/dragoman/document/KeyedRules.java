package dev.dragoman.document;

import java.util.function.BiConsumer;

import net.sf.okapi.common.IParameters;
import net.sf.okapi.common.resource.ITextUnit;

/**
 * JSON and properties ({@link PropertiesRules}): the note is the key path (Okapi names each unit after it) and the
 * file's comments; the escapes the file uses are kept ({@link InputEscapes}).
 */
final class KeyedRules implements FormatRules {

    private final BiConsumer<IParameters, String> escapes;

    KeyedRules(BiConsumer<IParameters, String> escapes) {
        this.escapes = escapes;
    }

    @Override
    public void tune(IParameters params, String text) {
        escapes.accept(params, text);
    }

    @Override
    public String note(ITextUnit unit) {
        return new NoteText().add("key", unit.getName()).addNotes(unit).text();
    }
}
