package dev.dragoman.document;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import net.sf.okapi.common.IParameters;

/**
 * Markdown: Okapi's Markdown filter writes every line break as LF, so a file whose lines all end with CRLF (written on
 * Windows) gets its CRs back on the way out. A file with lone LFs is written as Okapi writes it.
 */
final class MarkdownRules implements FormatRules {

    private boolean crlf;

    @Override
    public void tune(IParameters params, String text) {
        crlf = text.contains("\r\n") && !text.replace("\r\n", "").contains("\n");
    }

    @Override
    public OutputStream output(OutputStream output) {
        return crlf ? new CrLfOutputStream(output) : output;
    }

    /** Writes CR LF for each LF; the text is UTF-8 or another encoding in which LF is the byte 0x0A alone. */
    private static final class CrLfOutputStream extends FilterOutputStream {

        private int previous = -1;

        CrLfOutputStream(OutputStream output) {
            super(output);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n' && previous != '\r') {
                out.write('\r');
            }
            out.write(b);
            previous = b;
        }
    }
}
