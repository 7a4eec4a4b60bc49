package dev.dragoman.document;

import java.util.List;

import net.sf.okapi.common.filters.InlineCodeFinder;
import net.sf.okapi.common.resource.Code;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.resource.TextFragment.TagType;
import net.sf.okapi.common.skeleton.ISkeletonWriter;
import net.sf.okapi.filters.vtt.VTTFilter;

/**
 * Okapi's WebVTT filter ({@code okf_vtt}, which reads SubRip {@code .srt} files too), changed so that each cue is a
 * text unit of its own and comes back unchanged but for its text.
 *
 * <p>Okapi joins consecutive cues into one text unit until one ends a sentence, joins a cue's lines with spaces, and
 * its writer spreads the translation over the cues again, re-wrapping the lines and re-formatting the timings. A
 * translation would then move text from one cue to another, and an untranslated file would not come back as it was.
 * Here every cue ends its text unit, a line break inside a cue is an inline code (so the model keeps the cue's lines),
 * the cue's tags ({@code <i>}, {@code <b>}, {@code <v Roger>}) are inline codes, and {@link CueSkeletonWriter} writes
 * the timing line as it was read (https://www.w3.org/TR/webvtt1/#webvtt-cue-text).
 */
public class CueByCueVttFilter extends VTTFilter {

    private final InlineCodeFinder tags = PlaceholderRules.finder(List.of(PlaceholderRules.TAG));

    /** Every cue's text ends its text unit: the end of the text always "ends a sentence". */
    @Override
    protected String getTerminalRegex() {
        return "$";
    }

    @Override
    protected void addToTextUnit(String line) {
        ITextUnit unit = eventBuilder.peekMostRecentTextUnit();
        if (line.trim().isEmpty() || unit == null) {
            return;
        }
        TextFragment content = unit.getSource().getFirstContent();
        if (!content.isEmpty()) {
            content.append(new Code(TagType.PLACEHOLDER, "lb", getNewlineType()));
        }
        TextFragment text = new TextFragment(line);
        tags.process(text);
        content.append(text);
    }

    @Override
    public ISkeletonWriter createSkeletonWriter() {
        return new CueSkeletonWriter();
    }
}
