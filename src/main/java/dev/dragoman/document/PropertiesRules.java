package dev.dragoman.document;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import net.sf.okapi.common.Event;
import net.sf.okapi.common.IParameters;
import net.sf.okapi.common.LocaleId;
import net.sf.okapi.common.resource.ITextUnit;
import net.sf.okapi.common.resource.TextFragment;
import net.sf.okapi.common.skeleton.GenericSkeleton;
import net.sf.okapi.common.skeleton.GenericSkeletonPart;

/**
 * Properties: the note is the key and the comments above it, the escapes are the file's ({@link KeyedRules}), and a
 * value that is not translated, or whose translation is its own text, is written exactly as it was read.
 *
 * <p>Okapi's properties filter joins a value continued over several lines (a line that ends with an odd number of
 * backslashes goes on with the next line, without its leading blanks:
 * https://docs.oracle.com/javase/8/docs/api/java/util/Properties.html#load-java.io.Reader-) into one, and its writer
 * writes every value on one line, with its own escapes. So each value read is located in the file: the unit's
 * skeleton holds the file's text from the end of the previous value up to where this one starts, and the value runs
 * to the end of its last continued line. Where the skeleton is not the file's text there (a file with mixed line
 * breaks, a sub-filter), the rest of the file is written as Okapi writes it. A translated value is written on one
 * line: where its lines should break is the translator's choice, not the source's.
 */
final class PropertiesRules implements FormatRules {

    private static final String CONTENT = TextFragment.makeRefMarker("$self$");

    private final KeyedRules keyed = new KeyedRules(InputEscapes::properties);
    private final LocaleId target;
    private final Map<ITextUnit, String> readValues = new IdentityHashMap<>();
    private String text;
    private int position;
    private boolean inStep;

    PropertiesRules(LocaleId target) {
        this.target = target;
    }

    @Override
    public void tune(IParameters params, String text) {
        keyed.tune(params, text);
        this.text = text;
    }

    @Override
    public String note(ITextUnit unit) {
        return keyed.note(unit);
    }

    @Override
    public List<Event> adjust(Event event) {
        if (event.isStartDocument()) {
            readValues.clear();
            position = 0;
            inStep = text != null;
        } else if (event.isTextUnit() && inStep) {
            inStep = locate(event.getTextUnit());
        }
        return List.of(event);
    }

    @Override
    public void beforeWrite(ITextUnit unit, boolean translated) {
        String read = readValues.get(unit);
        if (read != null && (!translated || FormatRules.ownText(unit, target))
                && !read.contains(TextFragment.REFMARKER_START)) {
            content(unit).setData(read);
        }
    }

    /** Finds the unit's value in the file; false when the file's text is not what the skeleton says it is. */
    private boolean locate(ITextUnit unit) {
        if (!(unit.getSkeleton() instanceof GenericSkeleton skeleton) || content(unit) == null) {
            return false;
        }
        List<GenericSkeletonPart> parts = skeleton.getParts();
        int at = parts.indexOf(content(unit));
        String before = text(parts.subList(0, at));
        String after = text(parts.subList(at + 1, parts.size()));
        if (before == null || after == null || !text.startsWith(before, position)) {
            return false;
        }
        int start = position + before.length();
        int end = endOfValue(start);
        if (text.startsWith(after, end)) {
            position = end + after.length();
        } else if (end == text.length()) {
            position = end;
        } else {
            return false;
        }
        readValues.put(unit, text.substring(start, end));
        return true;
    }

    /** Where the value that starts here ends: at the end of its line, or of the last line it is continued on. */
    private int endOfValue(int start) {
        int end = endOfLine(start);
        StringBuilder value = new StringBuilder(text.substring(start, end));
        while (continued(value) && end < text.length()) {
            value.setLength(value.length() - 1);
            int next = end + (text.startsWith("\r\n", end) ? 2 : 1);
            end = endOfLine(next);
            while (next < end && " \t\f".indexOf(text.charAt(next)) >= 0) {
                next++;
            }
            value.append(text, next, end);
        }
        return end;
    }

    private int endOfLine(int from) {
        int end = from;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    /** Whether the value ends with an odd number of backslashes, the last one continuing it on the next line. */
    private static boolean continued(CharSequence value) {
        int backslashes = 0;
        for (int i = value.length() - 1; i >= 0 && value.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The skeleton part the unit's content is written in, or null. */
    private static GenericSkeletonPart content(ITextUnit unit) {
        if (unit.getSkeleton() instanceof GenericSkeleton skeleton) {
            for (GenericSkeletonPart part : skeleton.getParts()) {
                if (part.getParent() == unit && CONTENT.contentEquals(part.getData())) {
                    return part;
                }
            }
        }
        return null;
    }

    /** The text of skeleton parts, or null when one refers to a resource. */
    private static String text(List<GenericSkeletonPart> parts) {
        StringBuilder text = new StringBuilder();
        for (GenericSkeletonPart part : parts) {
            if (part.getData().indexOf(TextFragment.REFMARKER_START) >= 0) {
                return null;
            }
            text.append(part.getData());
        }
        return text.toString();
    }
}
