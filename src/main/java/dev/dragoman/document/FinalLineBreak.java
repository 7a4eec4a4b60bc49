package dev.dragoman.document;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text file whose last line has no line break keeps it so. Okapi's line-based filters (subtitles, properties, PO)
 * read the file line by line and their writers end every line they write with a line break, the last one too; what
 * they write goes through here, which holds back a final line break and drops it when the input had none.
 */
final class FinalLineBreak {

    private FinalLineBreak() {
    }

    /** Whether the text ends without a line break (an empty text does not). */
    static boolean missingIn(String text) {
        return !text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r");
    }

    /**
     * The output, or a stream in front of it that drops the line break the writer ends with, when the input had none
     * and the encoding writes CR and LF as the single bytes 13 and 10 (UTF-8, ISO-8859-x, windows-125x).
     */
    static OutputStream dropped(OutputStream output, boolean missingInInput, String encoding) {
        return missingInInput && asciiLineBreaks(encoding) ? new Dropping(output) : output;
    }

    private static boolean asciiLineBreaks(String encoding) {
        try {
            byte[] lineBreak = "\r\n".getBytes(Charset.forName(encoding));
            return Arrays.equals(lineBreak, "\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Passes everything on but a run of CR and LF bytes at the end, of which it drops the last line break. */
    private static final class Dropping extends FilterOutputStream {

        private final StringBuilder pending = new StringBuilder();
        private boolean closed;

        Dropping(OutputStream output) {
            super(output);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\r' || b == '\n') {
                pending.append((char) b);
                return;
            }
            flushPending(pending.length());
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int end = offset + length;
            int text = end;
            while (text > offset && (bytes[text - 1] == '\r' || bytes[text - 1] == '\n')) {
                text--;
            }
            if (text > offset) {
                flushPending(pending.length());
                out.write(bytes, offset, text - offset);
            }
            for (int i = text; i < end; i++) {
                pending.append((char) bytes[i]);
            }
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            int kept = pending.length() - (pending.toString().endsWith("\r\n") ? 2 : Math.min(1, pending.length()));
            flushPending(kept);
            super.close();
        }

        private void flushPending(int count) throws IOException {
            for (int i = 0; i < count; i++) {
                out.write(pending.charAt(i));
            }
            pending.setLength(0);
        }
    }
}
