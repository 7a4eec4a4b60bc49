package dev.dragoman.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file as lines, so that a translation keeps its structure exactly: one segment per non-blank line, blank lines
 * left blank, each line's indentation, trailing spaces and line ending (LF, CRLF or none at the end) kept.
 */
public final class TextDocument {

    private static final Pattern LINE = Pattern.compile("([ \\t\\u3000]*)(.*?)(\\s*?)(\\r\\n|\\n|\\r|$)");

    private record Line(String indent, String content, String trailing, String ending) {
    }

    private final List<Line> lines;

    private TextDocument(List<Line> lines) {
        this.lines = lines;
    }

    public static TextDocument parse(String text) {
        List<Line> lines = new ArrayList<>();
        Matcher matcher = LINE.matcher(text);
        int at = 0;
        while (at < text.length() && matcher.find(at)) {
            lines.add(new Line(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
            at = matcher.end();
        }
        return new TextDocument(lines);
    }

    /** The text of each non-blank line, in order: what gets translated. */
    public List<String> segments() {
        return lines.stream().map(Line::content).filter(content -> !content.isBlank()).toList();
    }

    /**
     * The document with each segment replaced by its translation, in order. A translation that came back on several
     * lines is joined onto one, so the output has exactly the input's lines.
     */
    public String render(List<String> translations) {
        if (translations.size() != segments().size()) {
            throw new IllegalArgumentException(
                    translations.size() + " translations for " + segments().size() + " segments");
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (Line line : lines) {
            out.append(line.indent());
            if (!line.content().isBlank()) {
                out.append(translations.get(next++).strip().replaceAll("\\s*\\R\\s*", " "));
            } else {
                out.append(line.content());
            }
            out.append(line.trailing()).append(line.ending());
        }
        return out.toString();
    }
}
