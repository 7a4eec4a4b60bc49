package dev.dragoman.document;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * A stream that keeps what a filter's writer writes and, when it is closed, passes it on rewritten: the place where
 * the constructs that {@link FormatRules#input} replaced for the filter are put back. The rewrite sees the bytes as
 * ISO-8859-1 characters, one character per byte, so that ASCII text is found and replaced in any encoding that writes
 * ASCII as ASCII (UTF-8, windows-1252) and every other byte passes through unchanged.
 */
final class RewrittenOutput extends FilterOutputStream {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final UnaryOperator<String> rewrite;
    private boolean closed;

    RewrittenOutput(OutputStream output, UnaryOperator<String> rewrite) {
        super(output);
        this.rewrite = rewrite;
    }

    @Override
    public void write(int b) {
        written.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        written.write(bytes, offset, length);
    }

    @Override
    public void flush() {
        // nothing reaches the output before the whole text is there to be rewritten
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        String text = written.toString(StandardCharsets.ISO_8859_1);
        out.write(rewrite.apply(text).getBytes(StandardCharsets.ISO_8859_1));
        out.close();
    }
}
