package dev.dragoman.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds what a translator must carry over unchanged: the placeholders a program fills in (printf conversions, brace
 * placeholders, ICU MessageFormat arguments) and, for {@link #protectedSpans}, also the markers of inline codes,
 * markup and URLs. Checks compare what they find in source and translation; the pseudo-localiser leaves it alone.
 */
public final class Placeholders {

    private static final Pattern WHITE_SPACE = Pattern.compile("(?U)\\s+");

    private Placeholders() {
    }

    /** The placeholders of {@code text} in order of position; an ICU argument comes before those nested in it. */
    public static List<Placeholder> find(String text) {
        List<Placeholder> found = new ArrayList<>(PrintfConversions.find(text));
        found.addAll(Braces.find(text).placeholders());
        found.sort(Comparator.comparingInt(p -> p.span().start()));
        return found;
    }

    /**
     * The parts of {@code text} a translator must not change, in order, merged where they overlap or touch: markers,
     * placeholders, the syntax of ICU arguments (not the option texts of a plural or select, which are translated),
     * tags, character references and URLs.
     */
    public static List<Span> protectedSpans(String text) {
        List<Span> spans = new ArrayList<>();
        Markers.find(text).forEach(marker -> spans.add(marker.span()));
        PrintfConversions.find(text).forEach(conversion -> spans.add(conversion.span()));
        spans.addAll(Braces.find(text).syntax());
        spans.addAll(Markup.find(text));
        return merged(spans);
    }

    /**
     * The words of {@code text}: every protected span replaced by a space, so that the words on either side stay
     * apart, and white space collapsed. Checks that compare or measure the prose of a text read this.
     */
    static String translatableText(String text) {
        StringBuilder prose = new StringBuilder(text.length());
        int at = 0;
        for (Span span : protectedSpans(text)) {
            prose.append(text, at, span.start()).append(' ');
            at = span.end();
        }
        return WHITE_SPACE.matcher(prose.append(text, at, text.length())).replaceAll(" ").strip();
    }

    private static List<Span> merged(List<Span> spans) {
        spans.sort(Comparator.comparingInt(Span::start));
        List<Span> merged = new ArrayList<>();
        for (Span span : spans) {
            Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span.start() <= last.end()) {
                merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }
}
