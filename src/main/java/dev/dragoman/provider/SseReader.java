package dev.dragoman.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads a text/event-stream (https://html.spec.whatwg.org/multipage/server-sent-events.html) as the providers actually
 * send it: {@code data:} with or without a space, {@code :} comment and keep-alive lines, {@code event:} names, events
 * ended by a blank line or by the end of the stream.
 */
public final class SseReader {

    /** Receives events until it answers false. */
    @FunctionalInterface
    public interface Handler {
        boolean onEvent(SseEvent event) throws ProviderException;
    }

    private SseReader() {
    }

    /** @return false when the handler stopped the stream, true when the stream ended by itself */
    public static boolean read(Reader source, Handler handler) throws IOException, ProviderException {
        BufferedReader reader = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
        String name = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null && !handler.onEvent(new SseEvent(name, data.toString()))) {
                    return false;
                }
                name = null;
                data = null;
            } else if (line.startsWith(":")) {
                continue;
            } else if (line.startsWith("data:")) {
                String value = field(line, 5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (line.startsWith("event:")) {
                name = field(line, 6);
            }
        }
        return data == null || handler.onEvent(new SseEvent(name, data.toString()));
    }

    private static String field(String line, int start) {
        return line.startsWith(" ", start) ? line.substring(start + 1) : line.substring(start);
    }
}
