package dev.dragoman.document;

import java.io.OutputStream;
import java.util.List;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.IParameters;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.TextContainer;

/**
 * What a format needs beyond its Okapi filter: which units it translates, the note a segment gets, and changes to the
 * event stream that the filter's writer does not make by itself (a PO file's plural forms and header for the target
 * language, an XLIFF target's state). One instance serves one document, for its reading pass and its writing pass.
 */
interface FormatRules {

    /** The rules for a format, by its filter configuration. */
    static FormatRules of(DocumentFormat format, LocaleId target) {
        String filter = format.filterConfigId();
        if (filter.startsWith("okf_po")) {
            return new PoRules(target);
        }
        if (filter.startsWith("okf_xliff2")) {
            return new XliffRules(target, false);
        }
        if (filter.startsWith("okf_xliff")) {
            return new XliffRules(target, true);
        }
        if (filter.startsWith("okf_yaml")) {
            return new YamlRules(target);
        }
        if (filter.startsWith("okf_json")) {
            return new KeyedRules(InputEscapes::json);
        }
        if (filter.startsWith("okf_properties")) {
            return new PropertiesRules(target);
        }
        if (filter.startsWith("okf_vtt")) {
            return new SubtitleRules();
        }
        if (filter.startsWith("okf_markdown")) {
            return new MarkdownRules();
        }
        return new FormatRules() {
        };
    }

    /** Adjusts the filter's parameters to what the file itself does (how it escapes characters), before reading. */
    default void tune(IParameters params, String text) {
    }

    /**
     * The text the filter reads, its byte order mark left out: the file's own, or one with a construct the filter
     * cannot parse replaced by one it can; {@link #output} then puts the file's own construct back in what is written
     * (and leaves a text without the replacement as it is: the document reads the file itself when the changed text
     * cannot be encoded as the file was).
     */
    default String input(String text) {
        return text;
    }

    /** The events to pass on for one event of the filter: usually that event, sometimes several or none. */
    default List<Event> adjust(Event event) {
        return List.of(event);
    }

    /** Whether a translatable unit is one to translate. */
    default boolean wanted(ITextUnit unit) {
        return true;
    }

    /** What the model should know about the unit, or null. */
    default String note(ITextUnit unit) {
        return null;
    }

    /** The segments with what depends on their neighbours added to their notes. */
    default List<DocumentSegment> withNeighbours(List<DocumentSegment> segments) {
        return segments;
    }

    /** The stream the filter's writer writes to: the output itself, unless the writer needs correcting. */
    default OutputStream output(OutputStream output) {
        return output;
    }

    /** Changes the unit just before it is written: {@code translated} says whether it got a translation. */
    default void beforeWrite(ITextUnit unit, boolean translated) {
    }

    /** Whether the unit's translation is its source text, codes and all. */
    static boolean ownText(ITextUnit unit, LocaleId target) {
        TextContainer translation = unit.getTarget(target);
        return translation != null && translation.getUnSegmentedContentCopy().toText()
                .equals(unit.getSource().getUnSegmentedContentCopy().toText());
    }

    /** Whether a bilingual unit already has a translation, which Dragoman then leaves as it is. */
    static boolean hasTranslation(ITextUnit unit, LocaleId target) {
        return unit.hasTarget(target) && !unit.getTarget(target).isEmpty();
    }
}
