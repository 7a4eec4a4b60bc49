package dev.dragoman.translate;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Reads text one {@link TextLine} at a time, in one pass over its characters: a line ends at {@code \n}, {@code \r\n}
 * or {@code \r} and nowhere else. A NUL character fails the read, since such a file is no text.
 */
public final class TextLines implements Closeable {

    private final Reader reader;
    private final StringBuilder line = new StringBuilder();
    private long number;
    private long offset;
    private int pending = -2;

    /** The reader should be buffered: it is read one character at a time. */
    public TextLines(Reader reader) {
        this.reader = reader;
    }

    public static TextLines of(String text) {
        return new TextLines(new StringReader(text));
    }

    /**
     * The next line, or null at the end of the text.
     *
     * @throws InvalidTextException for a NUL character
     * @throws IOException          when the text cannot be read (a strict decoder reports bad UTF-8 this way)
     */
    public TextLine read() throws IOException, InvalidTextException {
        line.setLength(0);
        int c = take();
        if (c < 0) {
            return null;
        }
        while (c >= 0) {
            if (c == '\n') {
                return line("\n");
            }
            if (c == '\r') {
                int after = take();
                if (after == '\n') {
                    return line("\r\n");
                }
                pending = after;
                return line("\r");
            }
            if (c == 0) {
                throw new InvalidTextException(
                        "not a text file: it contains a NUL character at offset " + (offset - 1));
            }
            line.append((char) c);
            c = take();
        }
        return line("");
    }

    private TextLine line(String ending) {
        return TextLine.of(++number, line.toString(), ending);
    }

    private int take() throws IOException {
        int c;
        if (pending != -2) {
            c = pending;
            pending = -2;
            return c;
        }
        c = reader.read();
        if (c >= 0) {
            offset++;
        }
        return c;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
