package dev.dragoman.route;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A provider's reply body, read at most {@code max-reply} bytes: past that the read fails at once and the connection
 * is dropped rather than drained, so that a runaway or endless reply costs neither memory nor the time to read it.
 */
final class ReplyBody extends FilterInputStream {

    /** The reply went past the limit. */
    static final class TooLarge extends IOException {
        TooLarge(int limit) {
            super("reply larger than max-reply (" + limit + " bytes)");
        }
    }

    private final int limit;
    private long read;

    ReplyBody(InputStream body, int limit) {
        super(body == null ? InputStream.nullInputStream() : body);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long bytes) throws IOException {
        read += bytes;
        if (read > limit) {
            // HttpClient's stream would otherwise read the rest of the body on close to reuse the connection; the lane
            // reads every reply through its CallTimer, which knows how to drop the connection
            if (in instanceof CallTimer.TimedBody timed) {
                timed.abort();
            }
            throw new TooLarge(limit);
        }
    }
}
