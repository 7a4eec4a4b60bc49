package dev.dragoman.translate;

/**
 * One line of a text file, taken apart so that a translation keeps its layout: the indentation and trailing
 * whitespace around the text, and the line's own ending ({@code \n}, {@code \r\n}, {@code \r}, or none at the end of
 * the file). Whitespace is what {@link String#strip()} removes; U+2028, U+2029 and U+0085 are not line endings here,
 * so inside a line they are part of its text.
 *
 * @param number the line's number in its file, from 1
 */
public record TextLine(long number, String indent, String content, String trailing, String ending) {

    /** Takes a line's text (without its ending) apart, in one pass over its characters. */
    public static TextLine of(long number, String text, String ending) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && Character.isWhitespace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return new TextLine(number, text.substring(0, start), text.substring(start, end), text.substring(end), ending);
    }

    /** Whether the line has no text to translate: it stays as it is. */
    public boolean blank() {
        return content.isEmpty();
    }

    /** The line as it was read, ending included. */
    public String text() {
        return indent + content + trailing + ending;
    }

    /**
     * The line with its text replaced by a translation, layout and ending kept. A translation that came back on several
     * lines is joined onto one with single spaces, so that the file keeps exactly its lines; only real line breaks are
     * joined, any other character (U+2028 included) stays where the provider put it.
     */
    public String render(String translation) {
        if (blank()) {
            return text();
        }
        StringBuilder out = new StringBuilder(indent.length() + translation.length() + trailing.length() + 2);
        out.append(indent);
        int length = out.length();
        int from = 0;
        while (from <= translation.length()) {
            int to = nextBreak(translation, from);
            String piece = translation.substring(from, to).strip();
            if (!piece.isEmpty()) {
                if (out.length() > length) {
                    out.append(' ');
                }
                out.append(piece);
            }
            from = to < translation.length() && translation.charAt(to) == '\r'
                    && to + 1 < translation.length() && translation.charAt(to + 1) == '\n' ? to + 2 : to + 1;
        }
        return out.append(trailing).append(ending).toString();
    }

    private static int nextBreak(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }
}
